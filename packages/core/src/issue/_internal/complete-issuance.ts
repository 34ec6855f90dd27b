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
import { cryptoRandom, randomSerialNumber } from '../serial-number.js';
import { createCertificate } from '../create-certificate.js';
import { backendOf, type SignedCertificate, type SigningEnvironment } from '../signing-environment.js';
import type { SigningAuthority } from '../signing-authority.js';
import type { SignRequest, SubjectOverride } from '../sign-request.js';

/** What the request side contributes: the (whitelisted) CSR contents or a caller-supplied key and subject. */
export interface TemplateSeed {
  subject: DistinguishedName;
  sans: SubjectAltNames;
  publicKey: PublicKeyInfo;
  /** basicConstraints requested by the CSR (Go template fields), or defaults. */
  constraints: { valid: boolean; isCa: boolean; maxPathLen: number; maxPathLenZero: boolean };
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

/** cfssl signer.FillTemplate (the SKI is set by the caller): usages, validity, basicConstraints, AIA, CRL DP, policies, OCSP no-check. */
function fillTemplate(
  template: CertificateTemplate,
  defaultProfile: SigningProfile,
  profile: SigningProfile,
  now: number,
  req: Omit<SignRequest, 'request'>,
): void {
  const usages = resolveUsages(profile.usages);
  if (usages.keyUsageBits === 0 && usages.extKeyUsages.length === 0) throw new CfsslError('ERR_POLICY', 5100);
  const issuerUrls = profile.issuerUrls ?? defaultProfile.issuerUrls ?? [];
  const crlUrl = profile.crlUrl !== '' ? profile.crlUrl : defaultProfile.crlUrl;
  const ocspUrl = profile.ocspUrl !== '' ? profile.ocspUrl : defaultProfile.ocspUrl;
  const validity = computeValidity(profile, defaultProfile, now, req);
  template.notBefore = validity.notBefore;
  template.notAfter = validity.notAfter;
  template.keyUsage = usages.keyUsageBits;
  template.extKeyUsage = usages.extKeyUsages;
  template.basicConstraintsValid = true;
  template.isCa = profile.caConstraint.isCa;
  if (template.isCa) {
    template.maxPathLen = profile.caConstraint.maxPathLen;
    if (template.maxPathLen === 0) template.maxPathLenZero = profile.caConstraint.maxPathLenZero;
    template.sans = { ...template.sans, dnsNames: [], emailAddresses: [], uris: [] };
  }
  if (ocspUrl !== '') template.ocspServers = [ocspUrl];
  if (crlUrl !== '') template.crlDistributionPoints = [crlUrl];
  if (issuerUrls.length > 0) template.issuingCertificateUrls = issuerUrls;
  if (profile.policies.length > 0) {
    template.extraExtensions.push({
      oid: EXTENSION_OID.certificatePolicies,
      critical: false,
      value: encodeCertificatePolicies(profile.policies),
    });
  }
  if (profile.ocspNoCheck) {
    template.extraExtensions.push({ oid: EXTENSION_OID.ocspNoCheck, critical: false, value: Uint8Array.of(0x05, 0x00) });
  }
}

/**
 * From the CA policy checks to the signature (local.Signer.Sign): hosts and subject overrides,
 * name whitelist, serial, requested extensions, FillTemplate, root rules, CreateCertificate.
 */
export async function completeIssuance(
  seed: TemplateSeed,
  req: Omit<SignRequest, 'request'>,
  profile: SigningProfile,
  policy: SigningPolicy,
  authority: SigningAuthority,
  env: SigningEnvironment,
): Promise<SignedCertificate> {
  const backend = backendOf(env);
  let subject = seed.subject;
  let sans = seed.sans;
  const template: CertificateTemplate = {
    serialNumber: 0n,
    subject,
    subjectPublicKeyInfo: seed.publicKey.spki,
    notBefore: 0,
    notAfter: 0,
    keyUsage: 0,
    extKeyUsage: [],
    basicConstraintsValid: seed.constraints.valid,
    isCa: seed.constraints.isCa,
    maxPathLen: seed.constraints.maxPathLen,
    maxPathLenZero: seed.constraints.maxPathLenZero,
    subjectKeyId: new Uint8Array(0),
    authorityKeyId: new Uint8Array(0),
    ocspServers: [],
    issuingCertificateUrls: [],
    sans,
    crlDistributionPoints: req.crlOverride ? [req.crlOverride] : [],
    extraExtensions: [...seed.carried],
  };

  // CA policy checks (reference §5.11).
  const ca = authority.certificate;
  if (template.isCa) {
    if (!profile.caConstraint.isCa) throw new CfsslError('ERR_POLICY', 5300); // local signer policy disallows issuing CA certificate
    if (ca && ca.maxPathLen > 0) {
      if (template.maxPathLen >= ca.maxPathLen) throw new CfsslError('ERR_POLICY', 5300); // disallows CA MaxPathLen extending
    } else if (ca && ca.maxPathLen === 0 && ca.maxPathLenZero) {
      throw new CfsslError('ERR_POLICY', 5300); // disallows issuing CA certificate
    }
  }

  // local.OverrideHosts: a non-null host list replaces every SAN.
  if (req.hosts !== null) {
    const c = classifyHosts(req.hosts);
    sans = { dnsNames: c.dnsNames, emailAddresses: c.emailAddresses, ipAddresses: c.ipAddresses, uris: c.uris };
    template.sans = sans;
  }
  if (req.subject) {
    subject = applySubjectOverride(req.subject, subject);
    template.subject = subject;
  }
  checkNameWhitelist(profile, subject, sans);

  if (profile.clientProvidesSerialNumbers) {
    if (req.serial === undefined || req.serial === null) throw new CfsslError('ERR_CERTIFICATE', 1400);
    template.serialNumber = req.serial;
  } else {
    // local.Signer.Sign ignores a request serial here: the signer draws it.
    template.serialNumber = env.serialNumber?.() ?? randomSerialNumber(env.random ?? cryptoRandom(env.crypto ?? globalThis.crypto));
  }

  for (const ext of req.extensions ?? []) {
    if (!profile.allowedExtensions.includes(ext.oid)) throw new CfsslError('ERR_CERTIFICATE', 1300);
    template.extraExtensions.push({ oid: ext.oid, critical: ext.critical, value: hexToBytes(ext.value) });
  }

  template.subjectKeyId = await backend.sha1(seed.publicKey.publicKeyBits);
  fillTemplate(template, policy.defaultProfile, profile, env.now?.() ?? Date.now(), req);
  if (req.crlOverride) template.crlDistributionPoints = [req.crlOverride];

  // local.Signer.sign: a root being made must be a CA; its DNS/email/URI SANs go.
  if (!ca) {
    if (!template.isCa) throw new CfsslError('ERR_POLICY', 5300);
    template.sans = { ...template.sans, dnsNames: [], emailAddresses: [], uris: [] };
  }
  return createCertificate(template, authority, backend);
}
