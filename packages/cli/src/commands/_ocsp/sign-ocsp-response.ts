// cfssl ocsp.StandardSigner.Sign: issuer check, thisUpdate = now truncated to the hour, nextUpdate = + interval.
import { createOcspResponse, ocspCertStatus, type CryptoBackend, type ParsedCertificate } from '@cfssl-ts/core';
import { assertIssuedBy, type OcspSignerMaterial } from './ocsp-signer-from-flags.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** What one response says about one certificate. */
export interface OcspSignRequest {
  cert: ParsedCertificate;
  /** `good`, `revoked` or `unknown`; anything else is 8200, checked after the issuer as cfssl does. */
  status: string;
  /** RFC 5280 reason code, for `revoked`. */
  reason: number;
  /** ms since epoch, for `revoked`. */
  revokedAt: number;
}

/** Sign one OCSP response (DER) with the responder, for a certificate the issuer signed (8100 otherwise). */
export async function signOcspResponse(
  signer: OcspSignerMaterial,
  request: OcspSignRequest,
  now: number,
  backend: CryptoBackend,
): Promise<Uint8Array> {
  await assertIssuedBy(request.cert, signer.issuer, (...a) => backend.verify(...a));
  const thisUpdate = Math.floor(now / HOUR) * HOUR;
  const status = ocspCertStatus(request.status);
  const revoked = status === 'revoked';
  return createOcspResponse({
    issuer: signer.issuer,
    responder: signer.responder,
    responderKey: signer.responderKey,
    serialNumber: request.cert.serialNumber,
    status,
    revocationReason: revoked ? request.reason : 0,
    revokedAt: revoked ? request.revokedAt : 0,
    thisUpdate,
    nextUpdate: thisUpdate + signer.intervalMs,
    producedAt: Math.floor(now / MINUTE) * MINUTE,
    backend,
  });
}
