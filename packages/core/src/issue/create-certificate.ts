// Go x509.CreateCertificate with an authority's key: encode the TBS, sign, assemble (RFC 5280 §4.1).
import { assembleSignedDer, encodeTbsCertificate } from '../cert/encode-tbs-certificate.js';
import type { CertificateTemplate } from '../cert/certificate-template.js';
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import { encodePem } from '../pem/pem.js';
import type { SignedCertificate } from './signing-environment.js';
import type { SigningAuthority } from './signing-authority.js';

/** Encode `template` as issued by `authority` (self-signed when it has no certificate) and sign it. */
export async function createCertificate(
  template: CertificateTemplate,
  authority: SigningAuthority,
  backend: CryptoBackend = webCryptoBackend(),
): Promise<SignedCertificate> {
  const signer = backend.signer(authority.key);
  const issuer = authority.certificate
    ? { subjectRaw: authority.certificate.subject.raw, subjectKeyId: authority.certificate.subjectKeyId }
    : null;
  const tbs = encodeTbsCertificate(template, issuer, signer.algorithmIdentifier);
  const signature = await signer.sign(tbs);
  const der = assembleSignedDer(tbs, signer.algorithmIdentifier, signature);
  return {
    der,
    pem: encodePem('CERTIFICATE', der),
    serialNumber: template.serialNumber,
    notBefore: template.notBefore,
    notAfter: template.notAfter,
  };
}
