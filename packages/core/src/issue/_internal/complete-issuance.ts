// The common tail of cfssl's local signer after the CSR is read (local.Signer.Sign from the CA checks on).
import { CfsslError } from '../../errors/cfssl-error.js';
import { EXTENSION_OID, type Extension } from '../../cert/extension.js';
import { encodeCertificatePolicies } from '../../cert/certificate-policies.js';
import type { CertificateTemplate } from '../../cert/certificate-template.js';
import type { SubjectAltNames } from '../../cert/subject-alt-names.js';
import { emptyName, type DistinguishedName } from '../../name/distinguished-name.js';
import { classifyHosts } from '../../csr-request/classify-host.js';
import { resolveUsages } from '../../config/usages.js';
import type { SigningPolicy, SigningProfile } from '../../config/signing-policy.js';
import type { PublicKeyInfo } from '../../keys/public-key.js';
import { computeValidity } from '../validity.js';
import type { IssuanceContext } from '../issuance-context.js';
import type { SignedCertificate } from '../signed-certificate.js';
import { signedCertificate, signTemplate } from './sign-template.js';
import type { SigningAuthority } from '../signing-authority.js';
import type { SignRequest, SubjectOverride } from '../sign-request.js';

/** What the request side contributes: the (whitelisted) CSR contents or a caller-supplied key and subject. */
export interface TemplateSeed {
  subject: DistinguishedName;
  sans: SubjectAltNames;
  publicKey: PublicKeyInfo;
  /** basicConstraints requested by the CSR (Go template fields), or defaults. */
  constraints: { isCa: boolean; maxPathLen: number; maxPathLenZero: boolean };
  /** CSR extensions carried over (DelegationUsage, copy_extensions). */
  carried: Extension[];
}

/** cfssl refuses nothing at load for ct_log_servers; we refuse at signing rather than issue without SCTs. */
export function refuseCertificateTransparency(profile: SigningProfile): void {
  if (profile.ctLogServers.length > 0) {
    throw new CfsslError('ERR_POLICY', 10100, 'cfssl-ts: Certificate Transparency submission (ct_log_servers) is not supported');
  }
}

// cfssl signer.Subject.Name + local.PopulateSubjectFromCSR: override fields win, empty ones fall back.
function applySubjectOverride(override: SubjectOverride, fromCsr: DistinguishedName): DistinguishedName {
  const name = emptyName();
  name.commonName = override.CN;
  for (const n of override.names) {
    if (n.C) name.country.push(n.C);
    if (n.ST) name.province.push(n.ST);
    if (n.L) name.locality.push(n.L);
    if (n.O) name.organization.push(n.O);
    if (n.OU) name.organizationalUnit.push(n.OU);
  }
  name.serialNumber = override.SerialNumber;
  if (name.commonName === '') name.commonName = fromCsr.commonName;
  if (name.country.length === 0) name.country = fromCsr.country;
  if (name.province.length === 0) name.province = fromCsr.province;
  if (name.locality.length === 0) name.locality = fromCsr.locality;
  if (name.organization.length === 0) name.organization = fromCsr.organization;
  if (name.organizationalUnit.length === 0) name.organizationalUnit = fromCsr.organizationalUnit;
  if (name.serialNumber === '') name.serialNumber = fromCsr.serialNumber;
  return name;
}

function checkNameWhitelist(profile: SigningProfile, subject: DistinguishedName, sans: SubjectAltNames): void {
  const re = profile.nameWhitelist;
  if (!re) return;
  const miss = (s: string): boolean => {
    re.lastIndex = 0;
    return !re.test(s);
  };
  if (
    (subject.commonName !== '' && miss(subject.commonName)) ||
    sans.dnsNames.some(miss) ||
    sans.emailAddresses.some(miss) ||
    sans.uris.some(miss)
  ) {
    throw new CfsslError('ERR_POLICY', 5500);
  }
}

// Go %#U of a byte: U+0067 'g' (quote only when printable).
function goRuneText(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return c >= 0x20 && c < 0x7f ? `${hex} '${String.fromCharCode(c)}'` : hex;
}

// Go hex.DecodeString: invalid bytes are reported before an odd length.
function hexToBytes(hex: string): Uint8Array {
  const bad = /[^0-9a-fA-F]/.exec(hex);
  if (bad) throw new CfsslError('ERR_CERTIFICATE', 1300, `encoding/hex: invalid byte: ${goRuneText(hex.charCodeAt(bad.index))}`);
  if (hex.length % 2 !== 0) throw new CfsslError('ERR_CERTIFICATE', 1300, 'encoding/hex: odd length hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The template fields cfssl signer.FillTemplate takes from the profile (the SKI is the caller's). */
interface ProfileFields {
  notBefore: number;
  notAfter: number;
  keyUsage: number;
  extKeyUsage: string[];
  ocspServers: string[];
  issuingCertificateUrls: string[];
  crlDistributionPoints: string[];
  /** certificatePolicies and OCSP no-check, in that order, after the carried and requested extensions. */
  extensions: Extension[];
}

/** cfssl signer.FillTemplate: usages (5100 when none), validity, AIA, CRL DP, policies, OCSP no-check. */
function profileFields(
  defaultProfile: SigningProfile,
  profile: SigningProfile,
  now: number,
  req: Omit<SignRequest, 'request'>,
): ProfileFields {
  const usages = resolveUsages(profile.usages);
  if (usages.keyUsageBits === 0 && usages.extKeyUsages.length === 0) throw new CfsslError('ERR_POLICY', 5100);
  const issuerUrls = profile.issuerUrls ?? defaultProfile.issuerUrls ?? [];
  const crlUrl = profile.crlUrl !== '' ? profile.crlUrl : defaultProfile.crlUrl;
  const ocspUrl = profile.ocspUrl !== '' ? profile.ocspUrl : defaultProfile.ocspUrl;
  const validity = computeValidity(profile, defaultProfile, now, req);
  const extensions: Extension[] = [];
  if (profile.policies.length > 0) {
    extensions.push({ oid: EXTENSION_OID.certificatePolicies, critical: false, value: encodeCertificatePolicies(profile.policies) });
  }
  if (profile.ocspNoCheck) extensions.push({ oid: EXTENSION_OID.ocspNoCheck, critical: false, value: Uint8Array.of(0x05, 0x00) });
  return {
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
    keyUsage: usages.keyUsageBits,
    extKeyUsage: usages.extKeyUsages,
    ocspServers: ocspUrl !== '' ? [ocspUrl] : [],
    issuingCertificateUrls: issuerUrls.length > 0 ? issuerUrls : [],
    // The request's crl_override wins over the profile's crl_url.
    crlDistributionPoints: req.crlOverride ? [req.crlOverride] : crlUrl !== '' ? [crlUrl] : [],
    extensions,
  };
}

/** The inputs of {@link completeIssuance}. */
export interface IssuanceInputs {
  seed: TemplateSeed;
  request: Omit<SignRequest, 'request'>;
  profile: SigningProfile;
  policy: SigningPolicy;
  authority: SigningAuthority;
  context: IssuanceContext;
}

/**
 * From the CA policy checks to the signature (local.Signer.Sign): hosts and subject overrides,
 * name whitelist, serial, requested extensions, FillTemplate, root rules, CreateCertificate.
 */
export async function completeIssuance({
  seed,
  request: req,
  profile,
  policy,
  authority,
  context,
}: IssuanceInputs): Promise<SignedCertificate> {
  // CA policy checks (reference §5.11).
  const ca = authority.certificate;
  if (seed.constraints.isCa) {
    if (!profile.caConstraint.isCa) throw new CfsslError('ERR_POLICY', 5300); // local signer policy disallows issuing CA certificate
    if (ca && ca.maxPathLen > 0) {
      if (seed.constraints.maxPathLen >= ca.maxPathLen) throw new CfsslError('ERR_POLICY', 5300); // disallows CA MaxPathLen extending
    } else if (ca && ca.maxPathLen === 0 && ca.maxPathLenZero) {
      throw new CfsslError('ERR_POLICY', 5300); // disallows issuing CA certificate
    }
  }

  // local.OverrideHosts: a non-null host list replaces every SAN (absent means nil).
  let sans = seed.sans;
  if (req.hosts !== null && req.hosts !== undefined) {
    const c = classifyHosts(req.hosts);
    sans = { dnsNames: c.dnsNames, emailAddresses: c.emailAddresses, ipAddresses: c.ipAddresses, uris: c.uris };
  }
  const subject = req.subject ? applySubjectOverride(req.subject, seed.subject) : seed.subject;
  checkNameWhitelist(profile, subject, sans);

  let serialNumber: bigint;
  if (profile.clientProvidesSerialNumbers) {
    if (req.serial === undefined || req.serial === null) throw new CfsslError('ERR_CERTIFICATE', 1400);
    serialNumber = req.serial;
  } else {
    // local.Signer.Sign ignores a request serial here: the signer draws it.
    serialNumber = context.serialNumber();
  }

  const extensions = [...seed.carried];
  for (const ext of req.extensions ?? []) {
    if (!profile.allowedExtensions.includes(ext.oid)) throw new CfsslError('ERR_CERTIFICATE', 1300);
    extensions.push({ oid: ext.oid, critical: ext.critical, value: hexToBytes(ext.value) });
  }

  const subjectKeyId = await context.backend.sha1(seed.publicKey.publicKeyBits);
  const fields = profileFields(policy.defaultProfile, profile, context.now(), req);
  const { isCa, maxPathLen: profilePathLen, maxPathLenZero: profilePathLenZero } = profile.caConstraint;
  // local.Signer.sign: a root being made must be a CA.
  if (!ca && !isCa) throw new CfsslError('ERR_POLICY', 5300);
  // FillTemplate (a CA profile) and local.Signer.sign (a root) drop DNS, email and URI SANs.
  if (isCa || !ca) sans = { ...sans, dnsNames: [], emailAddresses: [], uris: [] };
  const template: CertificateTemplate = {
    serialNumber,
    subject,
    subjectPublicKeyInfo: seed.publicKey.spki,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    keyUsage: fields.keyUsage,
    extKeyUsage: fields.extKeyUsage,
    // FillTemplate: basicConstraints always; the profile's path length for a CA, the CSR's otherwise.
    basicConstraintsValid: true,
    isCa,
    maxPathLen: isCa ? profilePathLen : seed.constraints.maxPathLen,
    maxPathLenZero: isCa && profilePathLen === 0 ? profilePathLenZero : seed.constraints.maxPathLenZero,
    subjectKeyId,
    authorityKeyId: new Uint8Array(0),
    ocspServers: fields.ocspServers,
    issuingCertificateUrls: fields.issuingCertificateUrls,
    sans,
    crlDistributionPoints: fields.crlDistributionPoints,
    // cfssl-ts: the profile's name constraints, on CA certificates only.
    nameConstraints: isCa ? profile.nameConstraints : null,
    extraExtensions: fields.extensions.length > 0 ? [...extensions, ...fields.extensions] : extensions,
  };
  return signedCertificate(template, await signTemplate(template, authority, context.backend));
}
