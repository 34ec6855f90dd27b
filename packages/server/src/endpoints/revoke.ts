// cfssl api/revoke: mark a stored certificate revoked (enabled only with a store).
import { CfsslError, revocationReasonCode } from '@cfssl-ts/core';
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

// cfssl api/revoke: any ocsp.ReasonStringToCode error is a 400 "Invalid reason code".
function reasonCode(reason: string): number {
  try {
    return revocationReasonCode(reason);
  } catch (e) {
    if (e instanceof CfsslError) throw apiError(400, 'Invalid reason code');
    throw e;
  }
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
