// The row cfssl 1.6.5's local.Signer.Sign writes for a certificate it has just signed.
import { parseCertificate, type SignedCertificate } from '@cfssl-ts/core';
import type { CertificateRecord } from './certificate-store.js';

/**
 * cfssl local.Signer.Sign's certdb.CertificateRecord: decimal serial, lowercase-hex AKI, status `good`,
 * reason 0, expiry = NotAfter, revoked_at = zero time, issued_at = `now`, not_before, metadata `null`
 * (serve and the CLI pass no request metadata), sans = JSON of the DNS names only, common_name.
 *
 * @example
 * await store.insert(certificateRecordFor(cert, '', Date.now()));
 */
export function certificateRecordFor(cert: SignedCertificate, caLabel: string, now: number): CertificateRecord {
  const parsed = parseCertificate(cert.der);
  return {
    serial: cert.serialNumber.toString(),
    authorityKeyId: Buffer.from(parsed.authorityKeyId).toString('hex'),
    caLabel,
    status: 'good',
    reason: 0,
    expiry: cert.notAfter,
    revokedAt: null,
    pem: cert.pem,
    issuedAt: now,
    notBefore: cert.notBefore,
    metadata: 'null',
    sans: JSON.stringify(parsed.sans.dnsNames),
    commonName: parsed.subject.name.commonName,
  };
}
