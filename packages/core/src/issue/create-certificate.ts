// Go x509.CreateCertificate with an authority's key: encode the TBS, sign, assemble (RFC 5280 §4.1).
import type { CertificateTemplate } from '../cert/certificate-template.js';
import { signedCertificate, signTemplate } from './_internal/sign-template.js';
import { resolveIssuanceContext, type IssuanceContext, type IssuanceOptions } from './issuance-context.js';
import type { SignedCertificate } from './signed-certificate.js';
import { signingAuthorityOf, type CertificateAuthority } from './signing-authority.js';

/**
 * Encode `template` as issued by `authority` (self-signed when it has no certificate) and sign it
 * with the context's backend (Go x509.CreateCertificate: no policy, the template is taken as it is).
 *
 * @example
 * const cert = await createCertificate(template, { certificate: caCert, key: caKey }, { backend });
 */
export async function createCertificate(
  template: CertificateTemplate,
  authority: CertificateAuthority,
  options: IssuanceOptions | IssuanceContext = {},
): Promise<SignedCertificate> {
  return signedCertificate(template, await signTemplate(template, signingAuthorityOf(authority), resolveIssuanceContext(options).backend));
}
