// Go 1.19 x509.ParseCertificate (parser.go, cryptobyte based): what it accepts, and the fields
// cfssl's certinfo prints. Every rejection is a GoParseError with Go's message.
import type { Extension } from '../cert/extension.js';
import { CryptobyteReader } from '../der/cryptobyte-reader.js';
import { dottedOid, rightAlign } from '../der/der-primitives.js';
import { GoParseError } from './go-parse-error.js';
import { parseGoNameConstraints } from './_internal/go-name-constraints.js';
import { fillFromRdnSequence, type GoAttribute, type GoPkixName } from './go-pkix-name.js';
import { parseGoName } from './parse-go-name.js';
import { goPublicKey, goPublicKeyAlgorithm } from './_internal/go-public-key.js';
import { goSignatureAlgorithm } from './go-signature-algorithm.js';
import { parseGoSubjectAltNames, type GoSubjectAltNames } from './parse-go-subject-alt-names.js';
import { parseGoGeneralizedTime, parseGoUtcTime, type GoTime } from './go-time.js';
import type { NameConstraintSet } from './name-constraint-set.js';

/** The parts of Go's x509.Certificate that certinfo, issuance, layout and bundle use. */
export interface GoCertificate {
  raw: Uint8Array;
  rawTbsCertificate: Uint8Array;
  rawIssuer: Uint8Array;
  rawSubject: Uint8Array;
  rawSubjectPublicKeyInfo: Uint8Array;
  /** 1, 2 or 3. */
  version: number;
  serialNumber: bigint;
  /** Dotted OID of the signature AlgorithmIdentifier. */
  signatureAlgorithmOid: string;
  signatureAlgorithm: number;
  issuer: GoPkixName;
  subject: GoPkixName;
  /** The issuer's RDNSequence as Go's parseName returns it (before FillFromRDNSequence). */
  issuerRdns: GoAttribute[][];
  /** The subject's RDNSequence as Go's parseName returns it (before FillFromRDNSequence). */
  subjectRdns: GoAttribute[][];
  notBefore: GoTime;
  notAfter: GoTime;
  dnsNames: string[];
  ipAddresses: Uint8Array[];
  /** Every name of the subjectAltName extension (Go's DNSNames, EmailAddresses, IPAddresses, URIs); null without one. */
  subjectAltNames: GoSubjectAltNames | null;
  authorityKeyId: Uint8Array;
  subjectKeyId: Uint8Array;
  /** Every extension, in order. */
  extensions: Extension[];
  /** The signature BIT STRING's bytes. */
  signature: Uint8Array;
  basicConstraintsValid: boolean;
  isCa: boolean;
  /** -1 when absent. */
  maxPathLen: number;
  /** Go KeyUsage flags (0 when absent). */
  keyUsage: number;
  /** Dotted EKU OIDs, in order. */
  extKeyUsage: string[];
  /** null when the certificate has no nameConstraints extension. */
  nameConstraints: NameConstraintSet | null;
  /** Go: a constraint form it does not handle was met (the extension then counts as unhandled). */
  nameConstraintsUnhandled: boolean;
  /** Go PermittedDNSDomainsCritical: the nameConstraints extension is marked critical. */
  nameConstraintsCritical: boolean;
  /** Go OCSPServer. */
  ocspServers: string[];
  /** Go IssuingCertificateURL. */
  issuingCertificateUrls: string[];
  /** Go CRLDistributionPoints. */
  crlDistributionPoints: string[];
}

const SEQUENCE = 0x30;
const OCSP = '1.3.6.1.5.5.7.48.1';
const CA_ISSUERS = '1.3.6.1.5.5.7.48.2';
const latin1 = new TextDecoder('latin1');
const fail = (message: string): never => {
  throw new GoParseError(message);
};

// Go parseAI: OID then an optional parameters element.
function parseAlgorithmIdentifier(der: Uint8Array): { oid: string; params: Uint8Array } {
  const r = new CryptobyteReader(der);
  const oid = r.readObjectIdentifier() ?? fail('x509: malformed OID');
  if (r.empty()) return { oid: dottedOid(oid), params: new Uint8Array(0) };
  const params = r.readAny() ?? fail('x509: malformed parameters');
  return { oid: dottedOid(oid), params: params.element };
}

// Go parseTime.
function parseTime(r: CryptobyteReader): GoTime {
  if (r.peek(0x17)) return parseGoUtcTime(r.read(0x17) ?? fail('x509: malformed UTCTime')) ?? fail('x509: malformed UTCTime');
  if (r.peek(0x18)) {
    return parseGoGeneralizedTime(r.read(0x18) ?? fail('x509: malformed GeneralizedTime')) ?? fail('x509: malformed GeneralizedTime');
  }
  return fail('x509: unsupported time format');
}

/**
 * Parse certificate DER as Go 1.19's x509.ParseCertificate does and return what certinfo needs.
 * Throws GoParseError where Go returns an error.
 */
export function parseGoCertificate(der: Uint8Array): GoCertificate {
  const top = new CryptobyteReader(der);
  const raw = top.readElement(SEQUENCE) ?? fail('x509: malformed certificate');
  const input = new CryptobyteReader(raw).readNested(SEQUENCE) ?? fail('x509: malformed certificate');
  const tbsElement = input.readElement(SEQUENCE) ?? fail('x509: malformed tbs certificate');
  const tbs = new CryptobyteReader(tbsElement).readNested(SEQUENCE) ?? fail('x509: malformed tbs certificate');

  let version = 0n;
  if (tbs.peek(0xa0)) {
    // cryptobyte ReadOptionalASN1Integer: exactly one INTEGER inside [0].
    const inner = tbs.readNested(0xa0) ?? fail('x509: malformed version');
    version = inner.readInt64() ?? fail('x509: malformed version');
    if (!inner.empty()) fail('x509: malformed version');
  }
  if (version < 0n) fail('x509: malformed version');
  version++;
  if (version > 3n) fail('x509: invalid version');

  const serialNumber = tbs.readBigInteger() ?? fail('x509: malformed serial number');
  const sigAISeq = tbs.read(SEQUENCE) ?? fail('x509: malformed signature algorithm identifier');
  const outerSigAISeq = input.read(SEQUENCE) ?? fail('x509: malformed algorithm identifier');
  if (outerSigAISeq.length !== sigAISeq.length || !outerSigAISeq.every((b, i) => b === sigAISeq[i])) {
    fail("x509: inner and outer signature algorithm identifiers don't match");
  }
  const sigAI = parseAlgorithmIdentifier(sigAISeq);
  const signatureAlgorithm = goSignatureAlgorithm(sigAI.oid, sigAI.params.length === 0 ? null : sigAI.params);

  const rawIssuer = tbs.readElement(SEQUENCE) ?? fail('x509: malformed issuer');
  const issuerRdns = parseGoName(rawIssuer);
  const validity = tbs.readNested(SEQUENCE) ?? fail('x509: malformed validity');
  const notBefore = parseTime(validity);
  const notAfter = parseTime(validity);
  const rawSubject = tbs.readElement(SEQUENCE) ?? fail('x509: malformed issuer');
  const subjectRdns = parseGoName(rawSubject);

  const rawSubjectPublicKeyInfo = tbs.readElement(SEQUENCE) ?? fail('x509: malformed spki');
  const spki = new CryptobyteReader(rawSubjectPublicKeyInfo).readNested(SEQUENCE) ?? fail('x509: malformed spki');
  const pkAI = parseAlgorithmIdentifier(spki.read(SEQUENCE) ?? fail('x509: malformed public key algorithm identifier'));
  const spk = spki.readBitString() ?? fail('x509: malformed subjectPublicKey');
  const keyAlgorithm = goPublicKeyAlgorithm(pkAI.oid);
  if (keyAlgorithm !== 0) goPublicKey(keyAlgorithm, pkAI.params, rightAlign(spk.bytes, spk.bitLength));

  const cert: GoCertificate = {
    raw,
    rawTbsCertificate: tbsElement,
    rawIssuer,
    rawSubject,
    rawSubjectPublicKeyInfo,
    version: Number(version),
    serialNumber,
    signatureAlgorithmOid: sigAI.oid,
    signatureAlgorithm,
    issuer: fillFromRdnSequence(issuerRdns),
    subject: fillFromRdnSequence(subjectRdns),
    issuerRdns,
    subjectRdns,
    notBefore,
    notAfter,
    dnsNames: [],
    ipAddresses: [],
    subjectAltNames: null,
    authorityKeyId: new Uint8Array(0),
    subjectKeyId: new Uint8Array(0),
    extensions: [],
    signature: new Uint8Array(0),
    basicConstraintsValid: false,
    isCa: false,
    maxPathLen: -1,
    keyUsage: 0,
    extKeyUsage: [],
    nameConstraints: null,
    nameConstraintsUnhandled: false,
    nameConstraintsCritical: false,
    ocspServers: [],
    issuingCertificateUrls: [],
    crlDistributionPoints: [],
  };

  if (version > 1n) {
    if (!tbs.skipOptional(0x81)) fail('x509: malformed issuerUniqueID');
    if (!tbs.skipOptional(0x82)) fail('x509: malformed subjectUniqueID');
    if (version === 3n) {
      const extensions = tbs.readOptional(0xa3) ?? fail('x509: malformed extensions');
      if (extensions.present) {
        const list = new CryptobyteReader(extensions.content).readNested(SEQUENCE) ?? fail('x509: malformed extensions');
        const seen = new Set<string>();
        while (!list.empty()) {
          const ext = list.readNested(SEQUENCE) ?? fail('x509: malformed extension');
          const id = ext.readObjectIdentifier() ?? fail('x509: malformed extension OID field');
          const critical = ext.peek(0x01) ? (ext.readBoolean() ?? fail('x509: malformed extension critical field')) : false;
          const value = ext.read(0x04) ?? fail('x509: malformed extension value field');
          const oid = dottedOid(id);
          if (seen.has(oid)) fail('x509: certificate contains duplicate extensions');
          seen.add(oid);
          cert.extensions.push({ oid, critical, value });
          processExtension(cert, oid, value);
        }
      }
    }
  }

  const signature = input.readBitString() ?? fail('x509: malformed signature');
  cert.signature = signature.bytes;
  if (top.bytes.length !== 0) fail('x509: trailing data');
  return cert;
}

// Go processExtensions, one extension: the fields certinfo prints, and Go's rejections of the others.
function processExtension(cert: GoCertificate, oid: string, value: Uint8Array): void {
  const r = new CryptobyteReader(value);
  switch (oid) {
    case '2.5.29.15': {
      // Go parseKeyUsageExtension: bit i (BitString.At) sets flag 1 << i, for the nine defined usages.
      const bits = r.readBitString() ?? fail('x509: invalid key usage');
      for (let i = 0; i < 9 && i < bits.bitLength; i++) if (bits.bytes[i >> 3]! & (0x80 >> (i & 7))) cert.keyUsage |= 1 << i;
      break;
    }
    case '2.5.29.19': {
      const bc = r.readNested(SEQUENCE) ?? fail('x509: invalid basic constraints a');
      if (bc.peek(0x01)) cert.isCa = bc.readBoolean() ?? fail('x509: invalid basic constraints b');
      if (!bc.empty() && bc.peek(0x02)) cert.maxPathLen = Number(bc.readInt64() ?? fail('x509: invalid basic constraints c'));
      cert.basicConstraintsValid = true;
      break;
    }
    case '2.5.29.17': {
      const sans = parseGoSubjectAltNames(value);
      cert.subjectAltNames = sans;
      cert.dnsNames = sans.dnsNames;
      cert.ipAddresses = sans.ipAddresses;
      break;
    }
    case '2.5.29.30': {
      const parsed = parseGoNameConstraints(value);
      cert.nameConstraints = parsed.set;
      cert.nameConstraintsUnhandled = parsed.unhandled;
      cert.nameConstraintsCritical = cert.extensions.at(-1)?.critical ?? false;
      break;
    }
    case '2.5.29.31': {
      const invalid = 'x509: invalid CRL distribution point';
      const points = r.readNested(SEQUENCE) ?? fail('x509: invalid CRL distribution points');
      while (!points.empty()) {
        const dp = points.readNested(SEQUENCE) ?? fail(invalid);
        const name = dp.readOptional(0xa0) ?? fail(invalid);
        if (!name.present) continue;
        const full = new CryptobyteReader(name.content).readNested(0xa0) ?? fail(invalid);
        while (!full.empty() && full.peek(0x86)) cert.crlDistributionPoints.push(latin1.decode(full.read(0x86) ?? fail(invalid)));
      }
      break;
    }
    case '2.5.29.35': {
      const akid = r.readNested(SEQUENCE) ?? fail('x509: invalid authority key identifier');
      if (akid.peek(0x80)) cert.authorityKeyId = akid.read(0x80) ?? fail('x509: invalid authority key identifier');
      break;
    }
    case '2.5.29.37': {
      const ekus = r.readNested(SEQUENCE) ?? fail('x509: invalid extended key usages');
      while (!ekus.empty()) cert.extKeyUsage.push(dottedOid(ekus.readObjectIdentifier() ?? fail('x509: invalid extended key usages')));
      break;
    }
    case '2.5.29.14':
      cert.subjectKeyId = r.read(0x04) ?? fail('x509: invalid subject key identifier');
      break;
    case '2.5.29.32': {
      const policies = r.readNested(SEQUENCE) ?? fail('x509: invalid certificate policies');
      while (!policies.empty()) {
        const cp = policies.readNested(SEQUENCE) ?? fail('x509: invalid certificate policies');
        if (cp.readObjectIdentifier() === null) fail('x509: invalid certificate policies');
      }
      break;
    }
    case '1.3.6.1.5.5.7.1.1': {
      const invalid = 'x509: invalid authority info access';
      const list = r.readNested(SEQUENCE) ?? fail(invalid);
      while (!list.empty()) {
        const aia = list.readNested(SEQUENCE) ?? fail(invalid);
        const method = dottedOid(aia.readObjectIdentifier() ?? fail(invalid));
        if (!aia.peek(0x86)) continue;
        const location = latin1.decode(aia.read(0x86) ?? fail(invalid));
        if (method === OCSP) cert.ocspServers.push(location);
        else if (method === CA_ISSUERS) cert.issuingCertificateUrls.push(location);
      }
      break;
    }
    default:
      break;
  }
}
