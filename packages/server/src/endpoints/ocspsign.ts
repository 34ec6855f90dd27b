// cfssl api/ocsp (1.6.5): sign one OCSP response for a PEM certificate with the serve's OCSP signer.
import {
  CfsslError,
  createOcspResponse,
  ocspCertStatus,
  parseCaCertificatePem,
  type OcspCertIdHash,
  type ParsedCertificate,
} from '@cfssl-ts/core';
import { encodeGoBase64Std, goField, goIntType, goStringType, goStructType, zeroGoValue } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint, ServerState } from '../_internal/endpoint.js';

const str = goStringType();
const SIGN_REQUEST = goStructType('ocsp.jsonSignRequest', [
  goField('Certificate', str, 'certificate'),
  goField('Status', str, 'status'),
  goField('Reason', goIntType(), 'reason'),
  goField('RevokedAt', str, 'revoked_at'),
  goField('IssuerHash', str, 'issuer_hash'),
]);

// api/ocsp nameToHash (exact, upper case).
const HASH_NAMES = new Set(['MD5', 'SHA1', 'SHA256', 'SHA384', 'SHA512']);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const bad = (message: string) => apiError(400, message);

// time.Parse("2006-01-02", s): midnight UTC of a real calendar date, else null.
function parseDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  return d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]) ? ms : null;
}

// ocsp.StandardSigner.Sign: the certificate must name the issuer (8100) and its signature verify (8200, Go's text).
async function checkIssuedBy(cert: ParsedCertificate, issuer: ParsedCertificate, state: ServerState): Promise<void> {
  const a = cert.issuer.raw;
  const b = issuer.subject.raw;
  if (a.length !== b.length || a.some((v, i) => v !== b[i])) throw new CfsslError('ERR_OCSP', 8100);
  let ok = false;
  try {
    ok = await state.issuance.backend.verify(issuer.subjectPublicKeyInfo, cert.signatureAlgorithmOid, cert.tbs, cert.signature);
  } catch {
    ok = false;
  }
  if (!ok) {
    const rsa = cert.signatureAlgorithmOid.startsWith('1.2.840.113549.');
    throw new CfsslError('ERR_OCSP', 8200, rsa ? 'crypto/rsa: verification error' : 'x509: ECDSA verification failure');
  }
}

/** `/api/v1/cfssl/ocspsign`: `{"ocspResponse": base64}`; on only with `-responder` and `-responder-key`. */
export const ocspsignEndpoint: Endpoint = {
  name: 'ocspsign',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    const signer = state.ocspSigner;
    if (signer === null) throw new CfsslError('ERR_OCSP', 0, 'signer not initialized');
    // The status defaults to "good", as on the command line.
    const target = { ...zeroGoValue(SIGN_REQUEST), Status: 'good' };
    const r = decodeGoRequest(req.text, SIGN_REQUEST, () => bad('Unable to parse sign request'), target);
    let cert: ParsedCertificate;
    try {
      cert = parseCaCertificatePem(r.Certificate);
    } catch (err) {
      state.log('ERROR', `Error from ParseCertificatePEM${err instanceof Error ? err.message : String(err)}`);
      throw bad('Malformed certificate');
    }
    const now = state.issuance.now();
    let revokedAt = 0;
    if (r.Status === 'revoked') {
      // "" and "now" mean now; otherwise a date.
      if (r.RevokedAt === '' || r.RevokedAt === 'now') revokedAt = now;
      else {
        const day = parseDay(r.RevokedAt);
        if (day === null) throw bad('Malformed revocation time');
        revokedAt = day;
      }
    }
    if (r.IssuerHash !== '' && !HASH_NAMES.has(r.IssuerHash)) throw bad('Unsupported hash algorithm in request');
    await checkIssuedBy(cert, signer.issuer, state);
    const status = ocspCertStatus(r.Status);
    // x/crypto/ocsp CreateResponse has no CertID OID for MD5: a plain error.
    if (r.IssuerHash === 'MD5') throw new CfsslError('ERR_OCSP', 0, 'unsupported issuer hash algorithm');
    // Sign: thisUpdate = now truncated to the hour, nextUpdate = thisUpdate + interval, producedAt to the minute.
    const thisUpdate = Math.floor(now / HOUR) * HOUR;
    const der = await createOcspResponse({
      issuer: signer.issuer,
      responder: signer.responder,
      responderKey: signer.responderKey,
      serialNumber: cert.serialNumber,
      status,
      revocationReason: status === 'revoked' ? r.Reason : 0,
      revokedAt,
      thisUpdate,
      nextUpdate: thisUpdate + signer.intervalMs,
      producedAt: Math.floor(now / MINUTE) * MINUTE,
      issuerHash: r.IssuerHash === '' ? 'SHA1' : (r.IssuerHash as OcspCertIdHash),
      backend: state.issuance.backend,
    });
    return { result: { ocspResponse: encodeGoBase64Std(der) } };
  },
};
