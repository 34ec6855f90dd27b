// Go crypto/x509 CreateCertificate's TBSCertificate (RFC 5280 §4.1), extension order of buildCertExtensions.
import {
  derBitString,
  derBoolean,
  derContextConstructed,
  derContextPrimitive,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  utf8,
} from '../der/der-writer.js';
import { derTime } from '../der/der-time.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { encodeName } from '../name/encode-name.js';
import type { CertificateTemplate, IssuerIdentity } from './certificate-template.js';
import { EXTENSION_OID, encodeExtension, type Extension } from './extension.js';
import { encodeKeyUsage } from './key-usage.js';
import { encodeNameConstraints } from './encode-name-constraints.js';
import { hasNameConstraints } from './name-constraints.js';
import { encodeSubjectAltNames, hasSans } from './subject-alt-names.js';

const ID_AD_OCSP = '1.3.6.1.5.5.7.48.1';
const ID_AD_CA_ISSUERS = '1.3.6.1.5.5.7.48.2';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Encodings that repeat across certificates of one profile (EKU lists, basicConstraints), memoised by value.
const memo = new Map<string, Uint8Array>();
function memoised(key: string, compute: () => Uint8Array): Uint8Array {
  let v = memo.get(key);
  if (!v) {
    v = compute();
    if (memo.size < 4096) memo.set(key, v);
  }
  return v;
}

/** basicConstraints value as Go marshalBasicConstraints: pathLen omitted at -1 (the DEFAULT). */
export function encodeBasicConstraints(isCa: boolean, maxPathLen: number, maxPathLenZero: boolean): Uint8Array {
  let pathLen = maxPathLen;
  if (pathLen === 0 && !maxPathLenZero) pathLen = -1;
  return memoised(`bc:${isCa}:${pathLen}`, () => computeBasicConstraints(isCa, pathLen));
}

function computeBasicConstraints(isCa: boolean, pathLen: number): Uint8Array {
  const parts: Uint8Array[] = [];
  if (isCa) parts.push(derBoolean(true));
  if (pathLen !== -1) parts.push(derInteger(pathLen));
  return derSequence(parts);
}

function encodeAia(ocsp: readonly string[], issuers: readonly string[]): Uint8Array {
  const descs: Uint8Array[] = [];
  for (const u of ocsp) descs.push(derSequence([derOid(ID_AD_OCSP), derContextPrimitive(6, utf8(u))]));
  for (const u of issuers) descs.push(derSequence([derOid(ID_AD_CA_ISSUERS), derContextPrimitive(6, utf8(u))]));
  return derSequence(descs);
}

function encodeCrlDistributionPoints(urls: readonly string[]): Uint8Array {
  // DistributionPoint { [0] DistributionPointName { [0] fullName GeneralNames { [6] URI } } }
  return derSequence(
    urls.map((u) => derSequence([derContextConstructed(0, [derContextConstructed(0, [derContextPrimitive(6, utf8(u))])])])),
  );
}

/** Template-derived extensions in Go's order, skipping any whose OID an extra extension carries, then the extras. */
function buildCertificateExtensions(template: CertificateTemplate, authorityKeyId: Uint8Array, subjectIsEmpty: boolean): Extension[] {
  const extra = new Set(template.extraExtensions.map((e) => e.oid));
  const out: Extension[] = [];
  const add = (oid: string, critical: boolean, value: () => Uint8Array): void => {
    if (!extra.has(oid)) out.push({ oid, critical, value: value() });
  };
  if (template.keyUsage !== 0) add(EXTENSION_OID.keyUsage, true, () => encodeKeyUsage(template.keyUsage));
  if (template.extKeyUsage.length > 0) {
    add(EXTENSION_OID.extKeyUsage, false, () =>
      memoised(`eku:${template.extKeyUsage.join(',')}`, () => derSequence(template.extKeyUsage.map((o) => derOid(o)))),
    );
  }
  if (template.basicConstraintsValid) {
    add(EXTENSION_OID.basicConstraints, true, () => encodeBasicConstraints(template.isCa, template.maxPathLen, template.maxPathLenZero));
  }
  if (template.subjectKeyId.length > 0) {
    add(EXTENSION_OID.subjectKeyIdentifier, false, () => derOctetString(template.subjectKeyId));
  }
  if (authorityKeyId.length > 0) {
    add(EXTENSION_OID.authorityKeyIdentifier, false, () => derSequence([derContextPrimitive(0, authorityKeyId)]));
  }
  if (template.ocspServers.length > 0 || template.issuingCertificateUrls.length > 0) {
    add(EXTENSION_OID.authorityInfoAccess, false, () => encodeAia(template.ocspServers, template.issuingCertificateUrls));
  }
  if (hasSans(template.sans)) {
    // RFC 5280 §4.2.1.6: critical when the subject is empty (Go: subjectIsEmpty).
    add(EXTENSION_OID.subjectAltName, subjectIsEmpty, () => encodeSubjectAltNames(template.sans));
  }
  const nc = template.nameConstraints;
  if (nc && hasNameConstraints(nc)) add(EXTENSION_OID.nameConstraints, nc.critical, () => encodeNameConstraints(nc));
  if (template.crlDistributionPoints.length > 0) {
    add(EXTENSION_OID.cRLDistributionPoints, false, () => encodeCrlDistributionPoints(template.crlDistributionPoints));
  }
  return [...out, ...template.extraExtensions];
}

/**
 * DER TBSCertificate for `template` issued by `issuer` (null = self-signed, Go's parent == template),
 * with `signatureAlgorithm` the issuer signer's AlgorithmIdentifier.
 */
export function encodeTbsCertificate(
  template: CertificateTemplate,
  issuer: IssuerIdentity | null,
  signatureAlgorithm: Uint8Array,
): Uint8Array {
  if (template.serialNumber < 0n) throw new CfsslError('ERR_CERTIFICATE', 1000, 'x509: serial number must be positive');
  if (
    template.basicConstraintsValid &&
    !template.isCa &&
    template.maxPathLen !== -1 &&
    (template.maxPathLen !== 0 || template.maxPathLenZero)
  ) {
    throw new CfsslError('ERR_CERTIFICATE', 1000, 'x509: only CAs are allowed to specify MaxPathLen');
  }
  const subject = encodeName(template.subject);
  const issuerRaw = issuer ? issuer.subjectRaw : subject;
  // Go: AKI = parent's SKI unless issuer and subject bytes are equal (self-issued).
  let aki = template.authorityKeyId;
  if (issuer && !bytesEqual(issuerRaw, subject) && issuer.subjectKeyId.length > 0) aki = issuer.subjectKeyId;
  const extensions = buildCertificateExtensions(template, aki, subject.length === 2);
  const parts = [
    derContextConstructed(0, [derInteger(2)]),
    derInteger(template.serialNumber),
    signatureAlgorithm,
    issuerRaw,
    derSequence([derTime(template.notBefore), derTime(template.notAfter)]),
    subject,
    template.subjectPublicKeyInfo,
  ];
  if (extensions.length > 0) parts.push(derContextConstructed(3, [derSequence(extensions.map(encodeExtension))]));
  return derSequence(parts);
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }. */
export function assembleSignedDer(tbs: Uint8Array, signatureAlgorithm: Uint8Array, signature: Uint8Array): Uint8Array {
  return derSequence([tbs, signatureAlgorithm, derBitString(signature)]);
}
