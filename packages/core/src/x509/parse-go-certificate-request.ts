// Go 1.19 x509.ParseCertificateRequest (encoding/asn1 based): what it accepts, with Go's error texts,
// and the fields of its x509.CertificateRequest. The signature is not checked.
import { dottedOid, rightAlign } from '../der/der-primitives.js';
import { unmarshalGoAsn1, type Asn1Type, type BitString, type RawValue } from './_internal/go-asn1-unmarshal.js';
import { GoParseError } from './go-parse-error.js';
import { fillFromRdnSequence, type GoAttribute, type GoPkixName } from './go-pkix-name.js';
import { goPublicKey, goPublicKeyAlgorithm, type GoPublicKey } from './_internal/go-public-key.js';
import { goSignatureAlgorithm } from './go-signature-algorithm.js';
import { ATTRIBUTE_TYPE_AND_VALUE } from './_internal/go-pkix-asn1-types.js';
import { unmarshalGoName } from './unmarshal-go-name.js';
import { parseGoSubjectAltNames, type GoSubjectAltNames } from './parse-go-subject-alt-names.js';

// The Go types x509.ParseCertificateRequest unmarshals into (crypto/x509 and pkix, Go 1.19), each built as a typed object.
interface AlgorithmIdentifier {
  algorithm: number[];
  parameters: RawValue;
}
interface PublicKeyInfo {
  raw: Uint8Array;
  algorithm: AlgorithmIdentifier;
  publicKey: BitString;
}
interface TbsCertificateRequest {
  raw: Uint8Array;
  version: bigint;
  subject: RawValue;
  publicKey: PublicKeyInfo;
  rawAttributes: RawValue[];
}
interface CertificateRequest {
  raw: Uint8Array;
  tbs: TbsCertificateRequest;
  signatureAlgorithm: AlgorithmIdentifier;
  signatureValue: BitString;
}
interface Pkcs10Attribute {
  id: number[];
  values: RawValue[];
}

const ALGORITHM_IDENTIFIER: Asn1Type = {
  kind: 'struct',
  name: 'AlgorithmIdentifier',
  fields: [
    { name: 'Algorithm', type: { kind: 'oid' } },
    { name: 'Parameters', type: { kind: 'rawValue' }, optional: true },
  ],
  build: (v): AlgorithmIdentifier => ({ algorithm: v[0] as number[], parameters: v[1] as RawValue }),
};
const CERTIFICATE_REQUEST: Asn1Type = {
  kind: 'struct',
  name: 'certificateRequest',
  fields: [
    { name: 'Raw', type: { kind: 'rawContent' } },
    {
      name: 'TBSCSR',
      type: {
        kind: 'struct',
        name: 'tbsCertificateRequest',
        fields: [
          { name: 'Raw', type: { kind: 'rawContent' } },
          { name: 'Version', type: { kind: 'int' } },
          { name: 'Subject', type: { kind: 'rawValue' } },
          {
            name: 'PublicKey',
            type: {
              kind: 'struct',
              name: 'publicKeyInfo',
              fields: [
                { name: 'Raw', type: { kind: 'rawContent' } },
                { name: 'Algorithm', type: ALGORITHM_IDENTIFIER },
                { name: 'PublicKey', type: { kind: 'bitString' } },
              ],
              build: (v): PublicKeyInfo => ({
                raw: v[0] as Uint8Array,
                algorithm: v[1] as AlgorithmIdentifier,
                publicKey: v[2] as BitString,
              }),
            },
          },
          { name: 'RawAttributes', type: { kind: 'slice', name: '', elem: { kind: 'rawValue' } }, tag: 0 },
        ],
        build: (v): TbsCertificateRequest => ({
          raw: v[0] as Uint8Array,
          version: v[1] as bigint,
          subject: v[2] as RawValue,
          publicKey: v[3] as PublicKeyInfo,
          rawAttributes: v[4] as RawValue[],
        }),
      },
    },
    { name: 'SignatureAlgorithm', type: ALGORITHM_IDENTIFIER },
    { name: 'SignatureValue', type: { kind: 'bitString' } },
  ],
  build: (v): CertificateRequest => ({
    raw: v[0] as Uint8Array,
    tbs: v[1] as TbsCertificateRequest,
    signatureAlgorithm: v[2] as AlgorithmIdentifier,
    signatureValue: v[3] as BitString,
  }),
};
const ATTRIBUTE_TYPE_AND_VALUE_SET: Asn1Type = {
  kind: 'struct',
  name: 'AttributeTypeAndValueSET',
  fields: [
    { name: 'Type', type: { kind: 'oid' } },
    { name: 'Value', type: { kind: 'slice', name: '', elem: { kind: 'slice', name: '', elem: ATTRIBUTE_TYPE_AND_VALUE } }, set: true },
  ],
  build: (v): GoCsrAttribute => ({ type: v[0] as number[], value: v[1] as GoAttribute[][] }),
};
const PKCS10_ATTRIBUTE: Asn1Type = {
  kind: 'struct',
  name: 'pkcs10Attribute',
  fields: [
    { name: 'Id', type: { kind: 'oid' } },
    { name: 'Values', type: { kind: 'slice', name: '', elem: { kind: 'rawValue' } }, set: true },
  ],
  build: (v): Pkcs10Attribute => ({ id: v[0] as number[], values: v[1] as RawValue[] }),
};
const EXTENSIONS: Asn1Type = {
  kind: 'slice',
  name: '',
  elem: {
    kind: 'struct',
    name: 'Extension',
    fields: [
      { name: 'Id', type: { kind: 'oid' } },
      { name: 'Critical', type: { kind: 'bool' }, optional: true },
      { name: 'Value', type: { kind: 'bytes' } },
    ],
    build: (v): GoExtension => ({ id: v[0] as number[], critical: v[1] as boolean, value: v[2] as Uint8Array }),
  },
};

export type { BitString };

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const SUBJECT_ALT_NAME = '2.5.29.17';

/** A pkix.AttributeTypeAndValueSET of x509.CertificateRequest.Attributes. */
export interface GoCsrAttribute {
  type: number[];
  value: GoAttribute[][];
}

/** A pkix.Extension. */
export interface GoExtension {
  id: number[];
  critical: boolean;
  value: Uint8Array;
}

/** The fields of Go's x509.CertificateRequest, in Go's order. */
export interface GoCertificateRequest {
  raw: Uint8Array;
  rawTbsCertificateRequest: Uint8Array;
  rawSubjectPublicKeyInfo: Uint8Array;
  rawSubject: Uint8Array;
  version: bigint;
  signature: Uint8Array;
  /** Dotted OID of the signature AlgorithmIdentifier. */
  signatureAlgorithmOid: string;
  signatureAlgorithm: number;
  publicKeyAlgorithm: number;
  publicKey: GoPublicKey | null;
  subject: GoPkixName;
  /** The subject's RDNSequence as asn1.Unmarshal returns it (before FillFromRDNSequence). */
  subjectRdns: GoAttribute[][];
  attributes: GoCsrAttribute[];
  extensions: GoExtension[];
  /** The last subjectAltName extension's names, or null when there is none. */
  subjectAltNames: GoSubjectAltNames | null;
}

// x509 parseRawAttributes: attributes that unmarshal as AttributeTypeAndValueSET, others skipped.
function parseRawAttributes(raw: readonly RawValue[]): GoCsrAttribute[] {
  const out: GoCsrAttribute[] = [];
  for (const attr of raw) {
    try {
      const { value, rest } = unmarshalGoAsn1(attr.fullBytes, ATTRIBUTE_TYPE_AND_VALUE_SET);
      if (rest.length !== 0) continue;
      out.push(value as GoCsrAttribute);
    } catch (e) {
      if (!(e instanceof GoParseError)) throw e;
    }
  }
  return out;
}

// x509 parseCSRExtensions.
function parseCsrExtensions(raw: readonly RawValue[]): GoExtension[] {
  const out: GoExtension[] = [];
  const seen = new Set<string>();
  for (const attr of raw) {
    let parsed: { value: unknown; rest: Uint8Array };
    try {
      parsed = unmarshalGoAsn1(attr.fullBytes, PKCS10_ATTRIBUTE);
    } catch (e) {
      if (e instanceof GoParseError) continue;
      throw e;
    }
    const a = parsed.value as Pkcs10Attribute;
    if (parsed.rest.length !== 0 || a.values.length === 0 || dottedOid(a.id) !== EXTENSION_REQUEST) continue;
    const extensions = unmarshalGoAsn1(a.values[0]!.fullBytes, EXTENSIONS).value as GoExtension[];
    for (const ext of extensions) {
      const oid = dottedOid(ext.id);
      if (seen.has(oid)) throw new GoParseError('x509: certificate request contains duplicate requested extensions');
      seen.add(oid);
      out.push(ext);
    }
  }
  return out;
}

const aligned = (bs: BitString): Uint8Array => rightAlign(bs.bytes, bs.bitLength);

/**
 * Parse CSR DER as Go 1.19's x509.ParseCertificateRequest does, in Go's order of checks.
 * Throws GoParseError with Go's message where Go returns an error.
 */
export function parseGoCertificateRequest(der: Uint8Array): GoCertificateRequest {
  const { value, rest } = unmarshalGoAsn1(der, CERTIFICATE_REQUEST);
  if (rest.length !== 0) throw new GoParseError('asn1: syntax error: trailing data');
  const csr = value as CertificateRequest;
  const tbs = csr.tbs;
  const spki = tbs.publicKey;
  const keyAlgorithm = spki.algorithm;
  const sigAlgorithm = csr.signatureAlgorithm;
  const rawAttributes = tbs.rawAttributes;

  const attributes = parseRawAttributes(rawAttributes);
  const publicKeyAlgorithm = goPublicKeyAlgorithm(dottedOid(keyAlgorithm.algorithm));
  const publicKey = goPublicKey(publicKeyAlgorithm, keyAlgorithm.parameters.fullBytes, aligned(spki.publicKey));

  const subject = unmarshalGoName(tbs.subject.fullBytes);
  if (subject.rest.length !== 0) throw new GoParseError('x509: trailing data after X.509 Subject');
  const rdns = subject.rdns;

  const extensions = parseCsrExtensions(rawAttributes);
  let subjectAltNames: GoSubjectAltNames | null = null;
  for (const ext of extensions) if (dottedOid(ext.id) === SUBJECT_ALT_NAME) subjectAltNames = parseGoSubjectAltNames(ext.value);

  const sigParams = sigAlgorithm.parameters.fullBytes;
  const signatureAlgorithmOid = dottedOid(sigAlgorithm.algorithm);
  return {
    raw: csr.raw,
    rawTbsCertificateRequest: tbs.raw,
    rawSubjectPublicKeyInfo: spki.raw,
    rawSubject: tbs.subject.fullBytes,
    version: tbs.version,
    signature: aligned(csr.signatureValue),
    signatureAlgorithmOid,
    signatureAlgorithm: goSignatureAlgorithm(signatureAlgorithmOid, sigParams.length === 0 ? null : sigParams),
    publicKeyAlgorithm,
    publicKey,
    subject: fillFromRdnSequence(rdns),
    subjectRdns: rdns,
    attributes,
    extensions,
    subjectAltNames,
  };
}
