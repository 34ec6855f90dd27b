// Issue a certificate for a public key the caller already holds (no CSR): the embedding API and the hot path.
import { CfsslError } from '../errors/cfssl-error.js';
import { selectProfile } from '../config/select-profile.js';
import type { SigningPolicy } from '../config/signing-policy.js';
import { classifyHosts } from '../csr-request/classify-host.js';
import { parseSpki, type PublicKeyInfo } from '../keys/public-key.js';
import type { DistinguishedName } from '../name/distinguished-name.js';
import { completeIssuance, refuseCertificateTransparency } from './_internal/complete-issuance.js';
import { resolveIssuanceContext, type IssuanceContext, type IssuanceOptions } from './issuance-context.js';
import type { SignedCertificate } from './signed-certificate.js';
import { signingAuthorityOf, type CertificateAuthority } from './signing-authority.js';
import type { RequestedExtension } from './sign-request.js';

/** A certificate request without a CSR: the key, the subject and the hosts. */
export interface PublicKeyRequest {
  /** DER SubjectPublicKeyInfo of the key to certify. */
  publicKey: Uint8Array;
  subject: DistinguishedName;
  /** SANs, classified like CSR JSON hosts (IP → email → URI → DNS); default none. */
  hosts?: readonly string[];
  /** Profile name; absent, empty or unknown selects the default profile (cfssl), unless `strictProfile`. */
  profile?: string;
  /** Refuse a `profile` the policy does not define (ERR_POLICY 5400) instead of cfssl's fallback to the default. */
  strictProfile?: boolean;
  /** Used only with profiles that set ClientProvidesSerialNumbers (cfssl SignRequest.Serial). */
  serial?: bigint | null;
  crlOverride?: string;
  extensions?: RequestedExtension[];
  notBefore?: number | null;
  notAfter?: number | null;
}

/**
 * Issue a certificate for `request.publicKey` exactly as cfssl would for a CSR with that key,
 * subject and hosts (same profile rules, extensions, validity and serial handling). On a hot path,
 * pass a context resolved once ({@link resolveIssuanceContext}) rather than options.
 *
 * @example
 * const cert = await issueFromPublicKey({ publicKey: spki, subject, hosts: ['a.example'], profile: 'www' }, policy, ca);
 */
export async function issueFromPublicKey(
  request: PublicKeyRequest,
  policy: SigningPolicy,
  authority: CertificateAuthority,
  options: IssuanceOptions | IssuanceContext = {},
): Promise<SignedCertificate> {
  const context = resolveIssuanceContext(options);
  const profile = selectProfile(policy, request.profile, { strict: request.strictProfile === true });
  refuseCertificateTransparency(profile);
  let publicKey: PublicKeyInfo;
  try {
    publicKey = parseSpki(request.publicKey);
  } catch (cause) {
    throw new CfsslError('ERR_CERTIFICATE', 1300, 'x509: unsupported public key', { cause });
  }
  const c = classifyHosts(request.hosts ?? []);
  return completeIssuance({
    seed: {
      subject: request.subject,
      sans: { dnsNames: c.dnsNames, emailAddresses: c.emailAddresses, ipAddresses: c.ipAddresses, uris: c.uris },
      publicKey,
      constraints: { isCa: false, maxPathLen: 0, maxPathLenZero: false },
      carried: [],
    },
    request: {
      hosts: null,
      profile: request.profile ?? '',
      serial: request.serial ?? null,
      crlOverride: request.crlOverride ?? '',
      extensions: request.extensions ?? [],
      notBefore: request.notBefore ?? null,
      notAfter: request.notAfter ?? null,
    },
    profile,
    policy,
    authority: signingAuthorityOf(authority),
    context,
  });
}
