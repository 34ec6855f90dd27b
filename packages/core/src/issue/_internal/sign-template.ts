// The signing tail of Go x509.CreateCertificate (RFC 5280 §4.1): TBS, signature, assembly; PEM added at the edge.
import { assembleSignedDer, encodeTbsCertificate } from '../../cert/encode-tbs-certificate.js';
import type { CertificateTemplate } from '../../cert/certificate-template.js';
import type { CryptoBackend } from '../../keys/crypto-backend.js';
import { encodePem } from '../../pem/pem.js';
import type { SignedCertificate } from '../signed-certificate.js';
import type { SigningAuthority } from '../signing-authority.js';

/** Sign `template` with `backend`; the DER only (callers add the PEM at the API edge). */
export async function signTemplate(
  template: CertificateTemplate,
  authority: SigningAuthority,
  backend: CryptoBackend,
): Promise<Uint8Array> {
  const signer = backend.signer(authority.key);
  const issuer = authority.certificate
    ? { subjectRaw: authority.certificate.subject.raw, subjectKeyId: authority.certificate.subjectKeyId }
    : null;
  const tbs = encodeTbsCertificate(template, issuer, signer.algorithmIdentifier);
  const signature = await signer.sign(tbs);
  return assembleSignedDer(tbs, signer.algorithmIdentifier, signature);
}

/** `der` as the {@link SignedCertificate} of `template`. */
export function signedCertificate(template: CertificateTemplate, der: Uint8Array): SignedCertificate {
  return {
    der,
    pem: encodePem('CERTIFICATE', der),
    serialNumber: template.serialNumber,
    notBefore: template.notBefore,
    notAfter: template.notAfter,
  };
}
