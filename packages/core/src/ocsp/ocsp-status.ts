// OCSP certificate statuses and revocation reasons (RFC 6960 §4.2.1, RFC 5280 §5.3.1; x/crypto/ocsp names).
import { CfsslError } from '../errors/cfssl-error.js';

/** The status of one certificate in an OCSP response. */
export type OcspCertStatus = 'good' | 'revoked' | 'unknown';

// x/crypto/ocsp ReasonStringToCode's table (cfssl revoke and ocspsign -reason).
const REASON_CODES: ReadonlyMap<string, number> = new Map([
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

/**
 * cfssl ocsp.ReasonStringToCode: "" → 0; a reason name (any case) → its code; otherwise a decimal
 * 1..9 (8200 `Invalid revocation status` outside; Go's Atoi text for a non-number).
 *
 * @example
 * revocationReasonCode('keyCompromise') // 1
 */
export function revocationReasonCode(reason: string): number {
  if (reason === '') return 0;
  const named = REASON_CODES.get(reason.toLowerCase());
  if (named !== undefined) return named;
  if (!/^[+-]?\d+$/.test(reason)) throw new CfsslError('ERR_OCSP', 0, `strconv.Atoi: parsing ${JSON.stringify(reason)}: invalid syntax`);
  const code = Number(reason);
  // strconv.Atoi's range is int64
  if (BigInt(reason) > 2n ** 63n - 1n || BigInt(reason) < -(2n ** 63n)) {
    throw new CfsslError('ERR_OCSP', 0, `strconv.Atoi: parsing ${JSON.stringify(reason)}: value out of range`);
  }
  if (!(code >= 1 && code <= 9)) throw new CfsslError('ERR_OCSP', 8200);
  return code;
}

/**
 * cfssl ocspsign's -status: `good`, `revoked` or `unknown` (exactly); anything else is 8200.
 *
 * @example
 * ocspCertStatus('revoked') // 'revoked'
 */
export function ocspCertStatus(status: string): OcspCertStatus {
  if (status === 'good' || status === 'revoked' || status === 'unknown') return status;
  throw new CfsslError('ERR_OCSP', 8200);
}
