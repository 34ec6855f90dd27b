// The parts of an X.509 certificate cfssl's signer reads from a CA (Go x509.ParseCertificate subset, RFC 5280 §4.1).
import { DerError, decodeOid, decodeUnsignedInteger, expectChildren, readSingle, type DerNode } from '../der/der-reader.js';
import { TAG } from '../der/der-writer.js';
import { parseNameNode, type ParsedName } from '../name/parse-name.js';
import { EXTENSION_OID, type Extension } from './extension.js';
import { parseBasicConstraints, parseExtensionList, parseSubjectAltNames, parseSubjectKeyId } from './parse-extensions.js';
import type { SubjectAltNames } from './subject-alt-names.js';

/** A parsed certificate with raw slices and Go's derived fields. */
export interface ParsedCertificate {
  raw: Uint8Array;
  tbs: Uint8Array;
  version: number;
  serialNumber: bigint;
  signatureAlgorithmOid: string;
  issuer: ParsedName;
  subject: ParsedName;
  notBefore: number;
  notAfter: number;
  subjectPublicKeyInfo: Uint8Array;
  extensions: Extension[];
  signature: Uint8Array;
  subjectKeyId: Uint8Array;
  authorityKeyId: Uint8Array;
  basicConstraintsValid: boolean;
  isCa: boolean;
  maxPathLen: number;
  maxPathLenZero: boolean;
  /** Go KeyUsage flags (0 when absent). */
  keyUsage: number;
  /** Dotted EKU OIDs. */
  extKeyUsage: string[];
  sans: SubjectAltNames;
}

const ascii = new TextDecoder('latin1');

/** Decode UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5) to ms since epoch. */
export function decodeTime(node: DerNode): number {
  const s = ascii.decode(node.content);
  let m: RegExpMatchArray | null;
  let year: number;
  if (node.tag === TAG.UTC_TIME && (m = s.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/))) {
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (node.tag === TAG.GENERALIZED_TIME && (m = s.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/))) {
    year = Number(m[1]);
  } else {
    throw new DerError('x509: malformed time');
  }
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function bitStringBytes(node: DerNode): Uint8Array {
  if (node.tag !== TAG.BIT_STRING || node.content.length < 1) throw new DerError('asn1: invalid BIT STRING');
  return node.content.subarray(1);
}

function parseKeyUsage(value: Uint8Array): number {
  const bits = bitStringBytes(readSingle(value));
  let flags = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bits[i >> 3] ?? 0;
    if (byte & (0x80 >> (i & 7))) flags |= 1 << i;
  }
  return flags;
}

/** Parse certificate DER. Throws DerError on malformed input. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const root = readSingle(der);
  const [tbsNode, sigAlgNode, sigNode] = expectChildren(root, TAG.SEQUENCE, 'Certificate');
  if (!tbsNode || !sigAlgNode || !sigNode) throw new DerError('asn1: structure error: Certificate');
  const fields = expectChildren(tbsNode, TAG.SEQUENCE, 'TBSCertificate');
  let i = 0;
  let version = 0;
  if (fields[0]?.tag === 0xa0) {
    const [v] = expectChildren(fields[0], 0xa0, 'version');
    if (!v || v.tag !== TAG.INTEGER) throw new DerError('asn1: structure error: version');
    version = Number(decodeUnsignedInteger(v.content));
    i++;
  }
  const serial = fields[i++];
  const sigAlg = fields[i++];
  const issuerNode = fields[i++];
  const validity = fields[i++];
  const subjectNode = fields[i++];
  const spki = fields[i++];
  if (!serial || serial.tag !== TAG.INTEGER || !sigAlg || !issuerNode || !validity || !subjectNode || !spki) {
    throw new DerError('asn1: structure error: TBSCertificate');
  }
  const [nb, na] = expectChildren(validity, TAG.SEQUENCE, 'Validity');
  if (!nb || !na) throw new DerError('asn1: structure error: Validity');
  let extensions: Extension[] = [];
  for (; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.tag === 0xa3) {
      const [list] = expectChildren(f, 0xa3, 'extensions');
      if (list) extensions = parseExtensionList(list);
    }
  }
  const [algOid] = expectChildren(sigAlgNode, TAG.SEQUENCE, 'AlgorithmIdentifier');
  if (!algOid || algOid.tag !== TAG.OID) throw new DerError('asn1: structure error: AlgorithmIdentifier');
  const cert: ParsedCertificate = {
    raw: root.raw,
    tbs: tbsNode.raw,
    version: version + 1,
    serialNumber: decodeUnsignedInteger(serial.content),
    signatureAlgorithmOid: decodeOid(algOid.content),
    issuer: parseNameNode(issuerNode),
    subject: parseNameNode(subjectNode),
    notBefore: decodeTime(nb),
    notAfter: decodeTime(na),
    subjectPublicKeyInfo: spki.raw,
    extensions,
    signature: bitStringBytes(sigNode),
    subjectKeyId: new Uint8Array(0),
    authorityKeyId: new Uint8Array(0),
    basicConstraintsValid: false,
    isCa: false,
    maxPathLen: -1,
    maxPathLenZero: false,
    keyUsage: 0,
    extKeyUsage: [],
    sans: { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] },
  };
  for (const ext of extensions) {
    switch (ext.oid) {
      case EXTENSION_OID.subjectKeyIdentifier:
        cert.subjectKeyId = parseSubjectKeyId(ext.value);
        break;
      case EXTENSION_OID.authorityKeyIdentifier: {
        const [first] = expectChildren(readSingle(ext.value), TAG.SEQUENCE, 'AuthorityKeyIdentifier');
        if (first?.tag === 0x80) cert.authorityKeyId = first.content;
        break;
      }
      case EXTENSION_OID.basicConstraints: {
        const bc = parseBasicConstraints(ext.value);
        cert.basicConstraintsValid = true;
        cert.isCa = bc.isCa;
        cert.maxPathLen = bc.maxPathLen;
        cert.maxPathLenZero = bc.maxPathLen === 0;
        break;
      }
      case EXTENSION_OID.keyUsage:
        cert.keyUsage = parseKeyUsage(ext.value);
        break;
      case EXTENSION_OID.extKeyUsage:
        cert.extKeyUsage = expectChildren(readSingle(ext.value), TAG.SEQUENCE, 'ExtKeyUsage').map((n) => decodeOid(n.content));
        break;
      case EXTENSION_OID.subjectAltName:
        cert.sans = parseSubjectAltNames(ext.value);
        break;
      default:
        break;
    }
  }
  return cert;
}
