// Go 1.19 x509.ParseCertificateRequest (encoding/asn1 based): what it accepts, with Go's error texts,
// and the fields of its x509.CertificateRequest. The signature is not checked.
import { rightAlign } from '../der/der-primitives.js';
import { unmarshalGoAsn1, type Asn1Type, type BitString, type RawValue } from './_internal/go-asn1-unmarshal.js';
import { GoParseError } from './go-parse-error.js';
import { fillFromRdnSequence, type GoAttribute, type GoPkixName } from './go-pkix-name.js';
import { goPublicKey, goPublicKeyAlgorithm } from './_internal/go-public-key.js';
import { goSignatureAlgorithm } from './go-signature-algorithm.js';
import { ATTRIBUTE_TYPE_AND_VALUE, toGoAttribute } from './_internal/go-pkix-asn1-types.js';
import { unmarshalGoName } from './unmarshal-go-name.js';
import { parseGoSubjectAltNames, type GoSubjectAltNames } from './parse-go-subject-alt-names.js';

// The Go types x509.ParseCertificateRequest unmarshals into (crypto/x509 and pkix, Go 1.19).
const ALGORITHM_IDENTIFIER: Asn1Type = {
  kind: 'struct',
  name: 'AlgorithmIdentifier',
  fields: [
    { name: 'Algorithm', type: { kind: 'oid' } },
    { name: 'Parameters', type: { kind: 'rawValue' }, optional: true },
  ],
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
            },
          },
          { name: 'RawAttributes', type: { kind: 'slice', name: '', elem: { kind: 'rawValue' } }, tag: 0 },
        ],
      },
    },
    { name: 'SignatureAlgorithm', type: ALGORITHM_IDENTIFIER },
    { name: 'SignatureValue', type: { kind: 'bitString' } },
  ],
};
const ATTRIBUTE_TYPE_AND_VALUE_SET: Asn1Type = {
  kind: 'struct',
  name: 'AttributeTypeAndValueSET',
  fields: [
    { name: 'Type', type: { kind: 'oid' } },
    { name: 'Value', type: { kind: 'slice', name: '', elem: { kind: 'slice', name: '', elem: ATTRIBUTE_TYPE_AND_VALUE } }, set: true },
  ],
};
const PKCS10_ATTRIBUTE: Asn1Type = {
  kind: 'struct',
  name: 'pkcs10Attribute',
  fields: [
    { name: 'Id', type: { kind: 'oid' } },
    { name: 'Values', type: { kind: 'slice', name: '', elem: { kind: 'rawValue' } }, set: true },
  ],
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
  },
};

export type { BitString };

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const SUBJECT_ALT_NAME = '2.5.29.17';

interface Asn1Struct {
  [field: string]: unknown;
}

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
  publicKey: unknown;
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
      const set = value as Asn1Struct;
      out.push({ type: set.Type as number[], value: (set.Value as Asn1Struct[][]).map((rdn) => rdn.map(toGoAttribute)) });
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
    const a = parsed.value as { Id: number[]; Values: RawValue[] };
    if (parsed.rest.length !== 0 || a.Values.length === 0 || a.Id.join('.') !== EXTENSION_REQUEST) continue;
    const extensions = unmarshalGoAsn1(a.Values[0]!.fullBytes, EXTENSIONS).value as {
      Id: number[];
      Critical: boolean;
      Value: Uint8Array;
    }[];
    for (const ext of extensions) {
      const oid = ext.Id.join('.');
      if (seen.has(oid)) throw new GoParseError('x509: certificate request contains duplicate requested extensions');
      seen.add(oid);
      out.push({ id: ext.Id, critical: ext.Critical, value: ext.Value });
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
  const csr = value as Asn1Struct;
  const tbs = csr.TBSCSR as Asn1Struct;
  const spki = tbs.PublicKey as Asn1Struct;
  const keyAlgorithm = spki.Algorithm as { Algorithm: number[]; Parameters: RawValue };
  const sigAlgorithm = csr.SignatureAlgorithm as { Algorithm: number[]; Parameters: RawValue };
  const subjectRaw = tbs.Subject as RawValue;
  const rawAttributes = tbs.RawAttributes as RawValue[];

  const attributes = parseRawAttributes(rawAttributes);
  const publicKeyAlgorithm = goPublicKeyAlgorithm(keyAlgorithm.Algorithm.join('.'));
  const publicKey = goPublicKey(publicKeyAlgorithm, keyAlgorithm.Parameters.fullBytes, aligned(spki.PublicKey as BitString));

  const subject = unmarshalGoName(subjectRaw.fullBytes);
  if (subject.rest.length !== 0) throw new GoParseError('x509: trailing data after X.509 Subject');
  const rdns = subject.rdns;

  const extensions = parseCsrExtensions(rawAttributes);
  let subjectAltNames: GoSubjectAltNames | null = null;
  for (const ext of extensions) if (ext.id.join('.') === SUBJECT_ALT_NAME) subjectAltNames = parseGoSubjectAltNames(ext.value);

  const sigParams = sigAlgorithm.Parameters.fullBytes;
  return {
    raw: csr.Raw as Uint8Array,
    rawTbsCertificateRequest: tbs.Raw as Uint8Array,
    rawSubjectPublicKeyInfo: spki.Raw as Uint8Array,
    rawSubject: subjectRaw.fullBytes,
    version: tbs.Version as bigint,
    signature: aligned(csr.SignatureValue as BitString),
    signatureAlgorithmOid: sigAlgorithm.Algorithm.join('.'),
    signatureAlgorithm: goSignatureAlgorithm(sigAlgorithm.Algorithm.join('.'), sigParams.length === 0 ? null : sigParams),
    publicKeyAlgorithm,
    publicKey,
    subject: fillFromRdnSequence(rdns),
    subjectRdns: rdns,
    attributes,
    extensions,
    subjectAltNames,
  };
}
