// cfssl local.Signer.Sign: CSR + profile + CA -> certificate (reference §5.4-5.11).
import { selectProfile } from '../config/select-profile.js';
import type { SigningPolicy } from '../config/signing-policy.js';
import { completeIssuance, refuseCertificateTransparency } from './_internal/complete-issuance.js';
import { csrTemplateSeed } from './_internal/csr-template-seed.js';
import { resolveIssuanceContext, type IssuanceContext, type IssuanceOptions } from './issuance-context.js';
import { readCertificateRequestPem } from './read-certificate-request-pem.js';
import type { SignedCertificate } from './signed-certificate.js';
import { signingAuthorityOf, type CertificateAuthority } from './signing-authority.js';
import type { SignRequest } from './sign-request.js';

/**
 * Sign a CSR under a profile of `policy` with `authority` (cfssl local signer): a loaded
 * {@link SigningAuthority} or what {@link initCa} returns. Resolve the options once with
 * {@link resolveIssuanceContext} when signing many.
 *
 * @example
 * const cert = await signCertificateRequest({ request: csrPem, profile: 'www' }, policy, ca);
 */
export async function signCertificateRequest(
  req: SignRequest,
  policy: SigningPolicy,
  authority: CertificateAuthority,
  options: IssuanceOptions | IssuanceContext = {},
): Promise<SignedCertificate> {
  const context = resolveIssuanceContext(options);
  const profile = selectProfile(policy, req.profile, { strict: req.strictProfile === true });
  refuseCertificateTransparency(profile);
  const verified = await readCertificateRequestPem(req.request, context);
  return completeIssuance({
    seed: csrTemplateSeed(verified, profile),
    request: req,
    profile,
    policy,
    authority: signingAuthorityOf(authority),
    context,
  });
}
