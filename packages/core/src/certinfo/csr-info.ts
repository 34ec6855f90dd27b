// `cfssl certinfo -csr`: Go 1.19's x509.ParseCertificateRequest result, dumped by encoding/json.
import { CfsslError } from '../errors/cfssl-error.js';
import { formatGoIp } from '../go/parse-ip.js';
import { goStruct, type GoStruct } from '../go/json/go-struct.js';
import { marshalGoJsonIndent } from '../go/json/marshal-go-json.js';
import { unmarshalGoAsn1, type Asn1Type, type BitString, type RawValue } from './_internal/go-asn1-unmarshal.js';
import { GoParseError } from './_internal/go-parse-error.js';
import { decodeGoPem } from './_internal/go-pem-decode.js';
import { fillFromRdnSequence, type GoAttribute, type GoPkixName } from './_internal/go-pkix-name.js';
import { goPublicKey, goPublicKeyAlgorithm } from './_internal/go-public-key.js';
import { goSignatureAlgorithm } from './_internal/go-signature-algorithm.js';
import { GoString } from './_internal/go-string.js';
import { parseGoSubjectAltNames, type GoSubjectAltNames } from './_internal/go-subject-alt-names.js';

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
const ATTRIBUTE_TYPE_AND_VALUE: Asn1Type = {
  kind: 'struct',
  name: 'AttributeTypeAndValue',
  fields: [
    { name: 'Type', type: { kind: 'oid' } },
    { name: 'Value', type: { kind: 'any' } },
  ],
};
const RDN_SEQUENCE: Asn1Type = {
  kind: 'slice',
  name: 'RDNSequence',
  elem: { kind: 'slice', name: 'RelativeDistinguishedNameSET', elem: ATTRIBUTE_TYPE_AND_VALUE },
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

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const SUBJECT_ALT_NAME = '2.5.29.17';

interface Asn1Struct {
  [field: string]: unknown;
}

interface Extension {
  Id: number[];
  Critical: boolean;
  Value: Uint8Array;
}

// BitString.RightAlign.
function rightAlign({ bytes, bitLength }: BitString): Uint8Array {
  const shift = 8 - (bitLength % 8);
  if (shift === 8 || bytes.length === 0) return bytes;
  const out = new Uint8Array(bytes.length);
  out[0] = bytes[0]! >> shift;
  for (let i = 1; i < bytes.length; i++) out[i] = ((bytes[i - 1]! << (8 - shift)) | (bytes[i]! >> shift)) & 0xff;
  return out;
}

// A decoded `any` value as encoding/json prints it.
function anyJson(value: unknown): unknown {
  if (value instanceof GoString) return value.toJSONValue();
  if (value !== null && typeof value === 'object' && 'bitLength' in value) {
    const bs = value as BitString;
    return goStruct({ Bytes: bs.bytes, BitLength: bs.bitLength });
  }
  return value;
}

const atvJson = (atv: Asn1Struct | GoAttribute): GoStruct =>
  goStruct({ Type: 'type' in atv ? atv.type : atv.Type, Value: anyJson('type' in atv ? atv.value : atv.Value) });

// x509 parseRawAttributes: attributes that unmarshal as AttributeTypeAndValueSET, others skipped.
function parseRawAttributes(raw: readonly RawValue[]): GoStruct[] | null {
  const out: GoStruct[] = [];
  for (const attr of raw) {
    try {
      const { value, rest } = unmarshalGoAsn1(attr.fullBytes, ATTRIBUTE_TYPE_AND_VALUE_SET);
      if (rest.length !== 0) continue;
      const set = value as Asn1Struct;
      out.push(goStruct({ Type: set.Type, Value: (set.Value as Asn1Struct[][]).map((rdn) => rdn.map(atvJson)) }));
    } catch (e) {
      if (!(e instanceof GoParseError)) throw e;
    }
  }
  return out.length === 0 ? null : out;
}

// x509 parseCSRExtensions.
function parseCsrExtensions(raw: readonly RawValue[]): Extension[] {
  const out: Extension[] = [];
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
    const extensions = unmarshalGoAsn1(a.Values[0]!.fullBytes, EXTENSIONS).value as Extension[];
    for (const ext of extensions) {
      const oid = ext.Id.join('.');
      if (seen.has(oid)) throw new GoParseError('x509: certificate request contains duplicate requested extensions');
      seen.add(oid);
    }
    out.push(...extensions);
  }
  return out;
}

const strings = (values: readonly GoString[]): string[] | null => (values.length === 0 ? null : values.map((v) => v.toJSONValue()));

// pkix.Name as encoding/json prints it.
function pkixNameJson(n: GoPkixName): GoStruct {
  return goStruct({
    Country: strings(n.country),
    Organization: strings(n.organization),
    OrganizationalUnit: strings(n.organizationalUnit),
    Locality: strings(n.locality),
    Province: strings(n.province),
    StreetAddress: strings(n.streetAddress),
    PostalCode: strings(n.postalCode),
    SerialNumber: n.serialNumber.toJSONValue(),
    CommonName: n.commonName.toJSONValue(),
    Names: n.names.length === 0 ? null : n.names.map(atvJson),
    ExtraNames: null,
  });
}

// x509.ParseCertificateRequest + parseCertificateRequest, in Go's order of checks.
function parseCertificateRequest(der: Uint8Array): GoStruct {
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
  const publicKey = goPublicKey(publicKeyAlgorithm, keyAlgorithm.Parameters.fullBytes, rightAlign(spki.PublicKey as BitString));

  const subject = unmarshalGoAsn1(subjectRaw.fullBytes, RDN_SEQUENCE);
  if (subject.rest.length !== 0) throw new GoParseError('x509: trailing data after X.509 Subject');
  const rdns = (subject.value as Asn1Struct[][]).map((rdn) => rdn.map((atv): GoAttribute => ({ type: atv.Type as number[], value: atv.Value })));

  const extensions = parseCsrExtensions(rawAttributes);
  let sans: GoSubjectAltNames | null = null;
  for (const ext of extensions) if (ext.Id.join('.') === SUBJECT_ALT_NAME) sans = parseGoSubjectAltNames(ext.Value);

  const sigParams = sigAlgorithm.Parameters.fullBytes;
  const orNull = <T>(list: T[] | undefined): T[] | null => (list === undefined || list.length === 0 ? null : list);
  return goStruct({
    Raw: csr.Raw as Uint8Array,
    RawTBSCertificateRequest: tbs.Raw as Uint8Array,
    RawSubjectPublicKeyInfo: spki.Raw as Uint8Array,
    RawSubject: subjectRaw.fullBytes,
    Version: tbs.Version as bigint,
    Signature: rightAlign(csr.SignatureValue as BitString),
    SignatureAlgorithm: goSignatureAlgorithm(sigAlgorithm.Algorithm.join('.'), sigParams.length === 0 ? null : sigParams),
    PublicKeyAlgorithm: publicKeyAlgorithm,
    PublicKey: publicKey,
    Subject: pkixNameJson(fillFromRdnSequence(rdns)),
    Attributes: attributes,
    Extensions: extensions.length === 0 ? null : extensions.map((e) => goStruct({ Id: e.Id, Critical: e.Critical, Value: e.Value })),
    ExtraExtensions: null,
    DNSNames: orNull(sans?.dnsNames),
    EmailAddresses: orNull(sans?.emailAddresses),
    IPAddresses: orNull(sans?.ipAddresses.map((ip) => formatGoIp(ip))),
    URIs: orNull(sans?.uris),
  });
}

/**
 * `cfssl certinfo -csr` for the bytes of a PEM file (cfssl 1.6.5 with Go 1.19; JSON without the
 * final newline): the first PEM block (any label) parsed as Go's x509.ParseCertificateRequest and
 * dumped as Go's encoding/json prints the struct — field order, enum integers, big integers as exact
 * decimal numbers, byte slices as base64. The signature is not checked. No PEM block → CfsslError
 * 9002 `CSR Decode failed`; a parse failure → a plain CfsslError with Go's error text.
 *
 * @example
 * csrInfoFromPem(new TextEncoder().encode(csrPem)); // '{\n  "Raw": "MIIB...",\n  ...'
 */
export function csrInfoFromPem(bytes: Uint8Array): string {
  const { block } = decodeGoPem(bytes);
  if (block === null) throw new CfsslError('ERR_CSR', 9002);
  let csr: GoStruct;
  try {
    csr = parseCertificateRequest(block.bytes);
  } catch (e) {
    if (e instanceof GoParseError) throw new CfsslError('ERR_CSR', 0, e.message, { cause: e });
    throw e;
  }
  return marshalGoJsonIndent(csr, '', '  ');
}

/** Go x509.ParseCertificateRequest's error text for `der`, or null when Go would parse it. */
export function goCertificateRequestParseError(der: Uint8Array): string | null {
  try {
    parseCertificateRequest(der);
    return null;
  } catch (e) {
    return e instanceof GoParseError ? e.message : null;
  }
}
