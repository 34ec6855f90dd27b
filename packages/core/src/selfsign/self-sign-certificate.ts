// cfssl selfsign.Sign: the separate, simplified self-signed builder (reference §5.13), not the local signer.
import { unsignedValue } from '../der/der-primitives.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeFirstPem } from '../pem/pem.js';
import type { CertificateTemplate } from '../cert/certificate-template.js';
import { emptySans } from '../cert/subject-alt-names.js';
import { resolveUsages } from '../config/usages.js';
import type { SigningProfile } from '../config/signing-policy.js';
import type { KeyPair } from '../keys/key-pair.js';
import type { RandomSource } from '../keys/crypto-random.js';
import { readCertificateRequestDer } from '../issue/_internal/read-certificate-request-der.js';
import { signedCertificate, signTemplate } from '../issue/_internal/sign-template.js';
import { resolveIssuanceContext, type IssuanceContext, type IssuanceOptions } from '../issue/issuance-context.js';
import type { SignedCertificate } from '../issue/signed-certificate.js';
import { durationToMs } from '../issue/validity.js';

const THREE_MONTHS_NS = 2190n * 3_600_000_000_000n;
const BACKDATE_MS = 5 * 60_000;
const INT64_MAX = (1n << 63n) - 1n;

// Go rand.Int(rand.Reader, MaxInt64): uniform in [0, 2^63 - 1), by rejection sampling of 63-bit draws.
function selfSignSerial(random: RandomSource): bigint {
  for (;;) {
    const bytes = random(8);
    bytes[0]! &= 0x7f;
    const v = unsignedValue(bytes);
    if (v < INT64_MAX) return v;
  }
}

/**
 * Self-sign the CSR `csrPem` with `key` under `profile`, exactly as cfssl's selfsign package does:
 * subject re-encoded from the CSR (Go drops non-standard attributes here), serial uniform below
 * 2^63 − 1, notBefore = now − 5 min and notAfter = now + expiry (2190h when the profile has none),
 * no rounding; key usages from the profile (5100 when none); basicConstraints critical, CA:TRUE
 * only for an `is_ca` profile and never with a path length; SKI; no AKI; AIA caIssuers from
 * `issuer_urls`; cfssl-ts's `profile.nameConstraints` when set; every extension the CSR requests copied verbatim after those (so a requested
 * SAN or basicConstraints replaces the template's).
 *
 * @example
 * const cert = await selfSignCertificate(key, csrPem, selectSelfSignProfile(null, ''));
 */
export async function selfSignCertificate(
  key: KeyPair,
  csrPem: string,
  profile: SigningProfile,
  options: IssuanceOptions | IssuanceContext = {},
): Promise<SignedCertificate> {
  const context = resolveIssuanceContext(options);
  const { backend } = context;
  const block = decodeFirstPem(csrPem);
  if (!block || block.label !== 'CERTIFICATE REQUEST') throw new CfsslError('ERR_CSR', 9300);
  const { csr, spki: publicKey } = await readCertificateRequestDer(block.der, backend);

  const usages = resolveUsages(profile.usages);
  if (usages.keyUsageBits === 0 && usages.extKeyUsages.length === 0) throw new CfsslError('ERR_POLICY', 5100);
  const expiry = profile.expiry !== 0n ? profile.expiry : THREE_MONTHS_NS;
  const now = context.now();

  const template: CertificateTemplate = {
    serialNumber: context.serialNumber(selfSignSerial),
    // Go pkix.Name.ToRDNSequence writes only ExtraNames beyond the standard fields; a parsed name has none.
    subject: { ...csr.subject.name, extraNames: [] },
    subjectPublicKeyInfo: publicKey.spki,
    notBefore: now - BACKDATE_MS,
    notAfter: now + durationToMs(expiry),
    keyUsage: usages.keyUsageBits,
    extKeyUsage: usages.extKeyUsages,
    basicConstraintsValid: true,
    isCa: profile.caConstraint.isCa,
    maxPathLen: 0,
    maxPathLenZero: false,
    subjectKeyId: await backend.sha1(publicKey.publicKeyBits),
    authorityKeyId: new Uint8Array(0),
    ocspServers: [],
    issuingCertificateUrls: profile.issuerUrls ?? [],
    // The CSR's SANs reach the certificate through its copied SAN extension, not the template.
    sans: emptySans(),
    crlDistributionPoints: [],
    // cfssl-ts: the profile's name constraints (the CLI puts CSR JSON `ca.name_constraints` there).
    nameConstraints: profile.nameConstraints,
    extraExtensions: csr.extensions.map((e) => ({ ...e })),
  };
  return signedCertificate(template, await signTemplate(template, { certificate: null, key }, backend));
}
