// cfssl certinfo.ParseCertificate: the JSON description of a certificate that `cfssl certinfo` prints.
import { CfsslError } from '../errors/cfssl-error.js';
import { formatGoIp } from '../go/parse-ip.js';
import { formatGoIpNet } from '../go/parse-cidr.js';
import { goStruct, type GoStruct } from '../go/json/go-struct.js';
import { marshalGoJsonIndent } from '../go/json/marshal-go-json.js';
import { encodePem } from '../pem/pem.js';
import { GoSignatureAlgorithm } from '../x509/go-signature-algorithm.js';
import type { GoPkixName } from '../x509/go-pkix-name.js';
import { goStringFromBytes, GoString, joinGoStrings } from '../x509/go-string.js';
import { formatGoTimeJson } from '../x509/go-time.js';
import { parseGoCertificate, type GoCertificate } from '../x509/parse-go-certificate.js';

// cfssl helpers.SignatureString (1.6.5; 1.2 has no Ed25519 entry).
const SIGNATURE_NAMES = new Map<number, string>([
  [GoSignatureAlgorithm.MD2WithRSA, 'MD2WithRSA'],
  [GoSignatureAlgorithm.MD5WithRSA, 'MD5WithRSA'],
  [GoSignatureAlgorithm.SHA1WithRSA, 'SHA1WithRSA'],
  [GoSignatureAlgorithm.SHA256WithRSA, 'SHA256WithRSA'],
  [GoSignatureAlgorithm.SHA384WithRSA, 'SHA384WithRSA'],
  [GoSignatureAlgorithm.SHA512WithRSA, 'SHA512WithRSA'],
  [GoSignatureAlgorithm.DSAWithSHA1, 'DSAWithSHA1'],
  [GoSignatureAlgorithm.DSAWithSHA256, 'DSAWithSHA256'],
  [GoSignatureAlgorithm.ECDSAWithSHA1, 'ECDSAWithSHA1'],
  [GoSignatureAlgorithm.ECDSAWithSHA256, 'ECDSAWithSHA256'],
  [GoSignatureAlgorithm.ECDSAWithSHA384, 'ECDSAWithSHA384'],
  [GoSignatureAlgorithm.ECDSAWithSHA512, 'ECDSAWithSHA512'],
  [GoSignatureAlgorithm.PureEd25519, 'Ed25519'],
]);

// A joined multi-valued attribute, or undefined (omitempty) when empty.
function joined(values: readonly GoString[]): string | undefined {
  if (values.length === 0) return undefined;
  const s = joinGoStrings(
    values.map((v) => v.bytes),
    ',',
  );
  return s.length === 0 ? undefined : goStringFromBytes(s);
}

const single = (value: GoString): string | undefined => (value.bytes.length === 0 ? undefined : value.toJSONValue());

// cfssl certinfo.ParseName: fields joined with ",", `names` = every attribute value in DER order.
function nameJson(name: GoPkixName): GoStruct {
  const names = name.names.map((atv) => (atv.value instanceof GoString ? atv.value.toJSONValue() : atv.value));
  return goStruct({
    common_name: single(name.commonName),
    serial_number: single(name.serialNumber),
    country: joined(name.country),
    organization: joined(name.organization),
    organizational_unit: joined(name.organizationalUnit),
    locality: joined(name.locality),
    province: joined(name.province),
    street_address: joined(name.streetAddress),
    postal_code: joined(name.postalCode),
    names: names.length === 0 ? undefined : names,
  });
}

// cfssl certinfo.formatKeyID (1.6: "%02X" per byte, colon separated).
function formatKeyId(id: Uint8Array): string {
  return Array.from(id, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

const list = <T>(values: readonly T[], show: (v: T) => string = String): string[] | undefined =>
  values.length === 0 ? undefined : values.map(show);

// cfssl-ts: the nameConstraints extension (cfssl has no such field), keys as in CSR JSON `ca.name_constraints`.
function nameConstraintsJson(cert: GoCertificate): GoStruct | undefined {
  const nc = cert.nameConstraints;
  if (nc === null) return undefined;
  return goStruct({
    permitted_dns_domains: list(nc.permittedDns),
    excluded_dns_domains: list(nc.excludedDns),
    permitted_ip_ranges: list(nc.permittedIp, formatGoIpNet),
    excluded_ip_ranges: list(nc.excludedIp, formatGoIpNet),
    permitted_email_addresses: list(nc.permittedEmail),
    excluded_email_addresses: list(nc.excludedEmail),
    permitted_uri_domains: list(nc.permittedUri),
    excluded_uri_domains: list(nc.excludedUri),
    critical: cert.nameConstraintsCritical,
  });
}

function certificateJson(cert: GoCertificate): GoStruct {
  const sans = [...cert.dnsNames, ...cert.ipAddresses.map((ip) => formatGoIp(ip))];
  return goStruct({
    subject: nameJson(cert.subject),
    issuer: nameJson(cert.issuer),
    serial_number: cert.serialNumber.toString(),
    sans: sans.length === 0 ? undefined : sans,
    not_before: formatGoTimeJson(cert.notBefore),
    not_after: formatGoTimeJson(cert.notAfter),
    sigalg: SIGNATURE_NAMES.get(cert.signatureAlgorithm) ?? 'Unknown Signature',
    authority_key_id: formatKeyId(cert.authorityKeyId),
    subject_key_id: formatKeyId(cert.subjectKeyId),
    name_constraints: nameConstraintsJson(cert),
    pem: encodePem('CERTIFICATE', cert.raw),
  });
}

/** @internal cfssl's certinfo JSON for a certificate Go has already parsed. */
export function certificateInfoJsonOf(cert: GoCertificate): string {
  return marshalGoJsonIndent(certificateJson(cert), '', '  ');
}

/**
 * `cfssl certinfo` output for one DER certificate, as cfssl 1.6.5 prints it (without the final
 * newline that fmt.Println adds): `json.MarshalIndent` of cfssl's certinfo.Certificate with 2-space
 * indentation, Go's HTML escaping, zero-padded key ids and `pem` re-encoded from the DER. The
 * certificate must parse with Go 1.19's rules; otherwise a CfsslError 1003 is thrown.
 *
 * @example
 * const json = certificateInfoJson(der); // '{\n  "subject": {\n    "common_name": ...'
 */
export function certificateInfoJson(der: Uint8Array): string {
  let cert: GoCertificate;
  try {
    cert = parseGoCertificate(der);
  } catch (cause) {
    throw new CfsslError('ERR_CERTIFICATE', 1003, undefined, { cause });
  }
  return certificateInfoJsonOf(cert);
}
