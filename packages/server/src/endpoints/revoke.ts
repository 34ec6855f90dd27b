// cfssl api/revoke: mark a stored certificate revoked (enabled only with a store).
import { CfsslError } from '@cfssl-ts/core';
import { goField, goStringType, goStructType } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';

const str = goStringType();
const REVOKE_REQUEST = goStructType('revoke.JSONRevokeRequest', [
  goField('Serial', str, 'serial'),
  goField('AKI', str, 'authority_key_id'),
  goField('Reason', str, 'reason'),
]);

// cfssl ocsp.revocationReasonCodes (keys lowercased before lookup).
const REASONS = new Map([
  ['unspecified', 0],
  ['keycompromise', 1],
  ['cacompromise', 2],
  ['affiliationchanged', 3],
  ['superseded', 4],
  ['cessationofoperation', 5],
  ['certificatehold', 6],
  ['removefromcrl', 8],
  ['privilegewithdrawn', 9],
  ['aacompromise', 10],
]);

/** cfssl ocsp.ReasonStringToCode: "" → 0, a number in range, or a name in any case. */
function reasonCode(reason: string): number {
  if (reason === '') return 0;
  if (/^[+-]?\d+$/.test(reason)) {
    const n = Number(reason);
    if (n >= 0 && n <= 10 && n !== 7) return n;
    throw apiError(400, 'Invalid reason code');
  }
  const code = REASONS.get(reason.toLowerCase());
  if (code === undefined) throw apiError(400, 'Invalid reason code');
  return code;
}

/** `/api/v1/cfssl/revoke`. */
export const revokeEndpoint: Endpoint = {
  name: 'revoke',
  methods: ['POST'],
  signing: false,
  async handle(req, state) {
    const r = decodeGoRequest(req.text, REVOKE_REQUEST, () => apiError(400, 'Unable to parse revocation request'));
    if (r.Serial === '') throw apiError(400, 'serial number is required but not provided');
    const reason = reasonCode(r.Reason);
    if (state.store === null || !(await state.store.revoke(r.Serial, r.AKI, reason))) {
      throw new CfsslError('ERR_CERT_STORE', 11200, 'failed to revoke the certificate: certificate not found');
    }
    return { result: {} };
  },
};
