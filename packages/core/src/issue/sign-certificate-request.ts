// cfssl local.Signer.Sign: CSR + profile + CA -> certificate (reference §5.4-5.11).
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeFirstPem, encodePem } from '../pem/pem.js';
import { parseCsr, type ParsedCsr } from '../csr/parse-csr.js';
import { parseBasicConstraints } from '../cert/parse-extensions.js';
import { EXTENSION_OID, type Extension } from '../cert/extension.js';
import { encodeCertificatePolicies } from '../cert/certificate-policies.js';
import { assembleSignedDer, encodeTbsCertificate } from '../cert/encode-tbs-certificate.js';
import type { CertificateTemplate } from '../cert/certificate-template.js';
import { type SubjectAltNames } from '../cert/subject-alt-names.js';
import { emptyName, type DistinguishedName } from '../name/distinguished-name.js';
import { classifyHosts } from '../csr-request/classify-host.js';
import { selectProfile } from '../config/select-profile.js';
import { resolveUsages } from '../config/usages.js';
import type { SigningPolicy, SigningProfile } from '../config/signing-policy.js';
import { createSigner } from '../keys/signer.js';
import { verifySignature } from '../keys/verify-signature.js';
import { parseSpki } from '../keys/public-key.js';
import { computeValidity } from './validity.js';
import { cryptoRandom, randomSerialNumber, type RandomSource } from './serial-number.js';
import type { SigningAuthority } from './signing-authority.js';
import type { SignRequest, SubjectOverride } from './sign-request.js';

/** Injectable environment of a signature: clock, randomness, crypto provider. */
export interface SigningEnvironment {
  /** Current time in ms since epoch (default Date.now). */
  now?: () => number;
  /** Random bytes for serial numbers (default: the crypto provider's CSPRNG). */
  random?: RandomSource;
  crypto?: Crypto;
}

/** The signed certificate. */
export interface SignedCertificate {
  der: Uint8Array;
  pem: string;
  serialNumber: bigint;
  notBefore: number;
  notAfter: number;
}

const SIGNATURE_FAILURE: Readonly<Record<string, string>> = {
  rsa: 'crypto/rsa: verification error',
  ecdsa: 'x509: ECDSA verification failure',
  ed25519: 'x509: Ed25519 verification failure',
};

/** Decode, parse and verify a PEM CSR with cfssl's error codes (9002, 9300, 9003). */
export async function readCertificateRequestPem(pem: string, crypto: Crypto): Promise<ParsedCsr> {
  const block = decodeFirstPem(pem);
  if (!block) throw new CfsslError('ERR_CSR', 9002);
  if (block.label !== 'NEW CERTIFICATE REQUEST' && block.label !== 'CERTIFICATE REQUEST') {
    throw new CfsslError('ERR_CSR', 9300, 'not a csr');
  }
  let csr: ParsedCsr;
  try {
    csr = parseCsr(block.der);
  } catch (cause) {
    throw new CfsslError('ERR_CSR', 9003, cause instanceof Error ? cause.message : undefined, { cause });
  }
  let keyAlgorithm: string;
  try {
    keyAlgorithm = parseSpki(csr.subjectPublicKeyInfo).algorithm;
  } catch (cause) {
    throw new CfsslError('ERR_CSR', 9003, 'x509: unsupported public key algorithm', { cause });
  }
  const ok = await verifySignature(csr.subjectPublicKeyInfo, csr.signatureAlgorithmOid, csr.info, csr.signature, crypto);
  if (!ok) throw new CfsslError('ERR_CSR', 9300, SIGNATURE_FAILURE[keyAlgorithm] ?? 'x509: signature verification failure');
  return csr;
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

function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new CfsslError('ERR_CERTIFICATE', 1300, 'encoding/hex: invalid byte');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Sign a CSR under a profile of `policy` with `authority` (cfssl local signer).
 *
 * @example
 * const cert = await signCertificateRequest({ request: csrPem, hosts: null, profile: 'www' }, policy, ca);
 */
export async function signCertificateRequest(
  req: SignRequest,
  policy: SigningPolicy,
  authority: SigningAuthority,
  env: SigningEnvironment = {},
): Promise<SignedCertificate> {
  const crypto = env.crypto ?? globalThis.crypto;
  const profile = selectProfile(policy, req.profile);
  if (profile.ctLogServers.length > 0) {
    // Refuse rather than silently issue a certificate without the SCTs the profile asks for.
    throw new CfsslError('ERR_POLICY', 10100, 'cfssl-ts: Certificate Transparency submission (ct_log_servers) is not supported');
  }
  const csr = await readCertificateRequestPem(req.request, crypto);

  // signer.ParseCertificateRequest: CSR basicConstraints, DelegationUsage, copy_extensions.
  let csrIsCa = false;
  let csrMaxPathLen = 0;
  let csrMaxPathLenZero = false;
  let csrConstraints = false;
  const carried: Extension[] = [];
  for (const ext of csr.extensions) {
    if (ext.oid === EXTENSION_OID.basicConstraints) {
      let bc: { isCa: boolean; maxPathLen: number };
      try {
        bc = parseBasicConstraints(ext.value);
      } catch (cause) {
        throw new CfsslError('ERR_CSR', 9003, cause instanceof Error ? cause.message : undefined, { cause });
      }
      csrConstraints = true;
      csrIsCa = bc.isCa;
      csrMaxPathLen = bc.maxPathLen;
      csrMaxPathLenZero = bc.maxPathLen === 0;
    } else if (ext.oid === EXTENSION_OID.delegationUsage || profile.copyExtensions) {
      carried.push(ext);
    }
  }

  // CSRWhitelist: only whitelisted CSR fields survive.
  const wl = profile.csrWhitelist;
  let subject = !wl || wl.subject ? csr.subject.name : emptyName();
  const fromCsr = csr.sans;
  let sans: SubjectAltNames = {
    dnsNames: !wl || wl.dnsNames ? [...fromCsr.dnsNames] : [],
    emailAddresses: !wl || wl.emailAddresses ? [...fromCsr.emailAddresses] : [],
    ipAddresses: !wl || wl.ipAddresses ? [...fromCsr.ipAddresses] : [],
    uris: !wl || wl.uris ? [...fromCsr.uris] : [],
  };
  // Without PublicKey whitelisted Go cannot compute the SKI (a plain Go error in cfssl).
  if (wl && !wl.publicKey) throw new CfsslError('ERR_POLICY', 0, 'x509: unsupported public key type: <nil>', { plain: true });
  const keepConstraints = !wl;
  const template: CertificateTemplate = {
    serialNumber: 0n,
    subject,
    subjectPublicKeyInfo: parseSpki(csr.subjectPublicKeyInfo).spki,
    notBefore: 0,
    notAfter: 0,
    keyUsage: 0,
    extKeyUsage: [],
    basicConstraintsValid: keepConstraints && csrConstraints,
    isCa: keepConstraints && csrIsCa,
    maxPathLen: keepConstraints ? csrMaxPathLen : 0,
    maxPathLenZero: keepConstraints && csrMaxPathLenZero,
    subjectKeyId: new Uint8Array(0),
    authorityKeyId: new Uint8Array(0),
    ocspServers: [],
    issuingCertificateUrls: [],
    sans,
    crlDistributionPoints: req.crlOverride ? [req.crlOverride] : [],
    extraExtensions: keepConstraints ? carried : [],
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
    template.serialNumber = req.serial ?? randomSerialNumber(env.random ?? cryptoRandom(crypto));
  }

  for (const ext of req.extensions ?? []) {
    if (!profile.allowedExtensions.includes(ext.oid)) throw new CfsslError('ERR_CERTIFICATE', 1300);
    template.extraExtensions.push({ oid: ext.oid, critical: ext.critical, value: hexToBytes(ext.value) });
  }

  await fillTemplate(template, policy.defaultProfile, profile, env.now?.() ?? Date.now(), req, crypto);
  if (req.crlOverride) template.crlDistributionPoints = [req.crlOverride];

  // local.Signer.sign: a root being made must be a CA; its DNS/email/URI SANs go.
  if (!ca) {
    if (!template.isCa) throw new CfsslError('ERR_POLICY', 5300);
    template.sans = { ...template.sans, dnsNames: [], emailAddresses: [], uris: [] };
  }
  return createCertificate(template, authority, crypto);
}

/** cfssl signer.FillTemplate: SKI, usages, validity, basicConstraints, AIA, CRL DP, policies, OCSP no-check. */
async function fillTemplate(
  template: CertificateTemplate,
  defaultProfile: SigningProfile,
  profile: SigningProfile,
  now: number,
  req: SignRequest,
  crypto: Crypto,
): Promise<void> {
  const bits = parseSpki(template.subjectPublicKeyInfo).publicKeyBits;
  template.subjectKeyId = new Uint8Array(await crypto.subtle.digest('SHA-1', bits as Uint8Array<ArrayBuffer>));
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

/** Go x509.CreateCertificate with the authority's key: encode the TBS, sign, assemble. */
export async function createCertificate(
  template: CertificateTemplate,
  authority: SigningAuthority,
  crypto: Crypto = globalThis.crypto,
): Promise<SignedCertificate> {
  const signer = createSigner(authority.key, crypto);
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

