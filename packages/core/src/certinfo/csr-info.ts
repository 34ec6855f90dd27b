// `cfssl certinfo -csr`: Go 1.19's x509.ParseCertificateRequest result, dumped by encoding/json.
import { CfsslError } from '../errors/cfssl-error.js';
import { formatGoIp } from '../go/parse-ip.js';
import { goStruct, type GoStruct } from '../go/json/go-struct.js';
import { marshalGoJsonIndent } from '../go/json/marshal-go-json.js';
import { goPublicKeyJson } from '../x509/go-public-key-json.js';
import { parseGoUrl } from '../x509/go-url.js';
import { GoParseError } from '../x509/go-parse-error.js';
import type { GoAttribute, GoPkixName } from '../x509/go-pkix-name.js';
import { GoString } from '../x509/go-string.js';
import { parseGoCertificateRequest, type BitString, type GoCertificateRequest } from '../x509/parse-go-certificate-request.js';
import { decodeGoPem } from './_internal/go-pem-decode.js';

// A decoded `any` value as encoding/json prints it.
function anyJson(value: unknown): unknown {
  if (value instanceof GoString) return value.toJSONValue();
  if (value !== null && typeof value === 'object' && 'bitLength' in value) {
    const bs = value as BitString;
    return goStruct({ Bytes: bs.bytes, BitLength: bs.bitLength });
  }
  return value;
}

const atvJson = (atv: GoAttribute): GoStruct => goStruct({ Type: atv.type, Value: anyJson(atv.value) });

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

// x509.CertificateRequest as encoding/json prints it.
function certificateRequestJson(csr: GoCertificateRequest): GoStruct {
  const sans = csr.subjectAltNames;
  const orNull = <T>(list: T[] | undefined): T[] | null => (list === undefined || list.length === 0 ? null : list);
  return goStruct({
    Raw: csr.raw,
    RawTBSCertificateRequest: csr.rawTbsCertificateRequest,
    RawSubjectPublicKeyInfo: csr.rawSubjectPublicKeyInfo,
    RawSubject: csr.rawSubject,
    Version: csr.version,
    Signature: csr.signature,
    SignatureAlgorithm: csr.signatureAlgorithm,
    PublicKeyAlgorithm: csr.publicKeyAlgorithm,
    PublicKey: goPublicKeyJson(csr.publicKey),
    Subject: pkixNameJson(csr.subject),
    Attributes: orNull(csr.attributes.map((a) => goStruct({ Type: a.type, Value: a.value.map((rdn) => rdn.map(atvJson)) }))),
    Extensions: orNull(csr.extensions.map((e) => goStruct({ Id: e.id, Critical: e.critical, Value: e.value }))),
    ExtraExtensions: null,
    DNSNames: orNull(sans?.dnsNames),
    EmailAddresses: orNull(sans?.emailAddresses),
    IPAddresses: orNull(sans?.ipAddresses.map((ip) => formatGoIp(ip))),
    URIs: orNull(sans?.uris.map((uri) => parseGoUrl(uri).json)),
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
    csr = certificateRequestJson(parseGoCertificateRequest(block.bytes));
  } catch (e) {
    if (e instanceof GoParseError) throw new CfsslError('ERR_CSR', 0, e.message, { cause: e });
    throw e;
  }
  return marshalGoJsonIndent(csr, '', '  ');
}
