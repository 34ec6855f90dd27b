// cfssl's view of a Name over Go's parse (x509/parse-go-name.ts for certificates, x509/unmarshal-go-name.ts for
// CSRs and lone Names): pkix.Name.FillFromRDNSequence with the values as JS strings, plus cfssl 1.6 keeping
// non-standard attributes (signer.ParseCertificateRequest).
import { dottedOid } from '../der/der-primitives.js';
import { GoParseError } from '../x509/go-parse-error.js';
import { fillFromRdnSequence, type GoAttribute, type GoPkixName } from '../x509/go-pkix-name.js';
import { asciiString, goStringFromBytes, GoString } from '../x509/go-string.js';
import { unmarshalGoName } from '../x509/unmarshal-go-name.js';
import { NAME_OID, type DistinguishedName, type ExtraAttribute } from './distinguished-name.js';

/** One attribute of a parsed name, in DER order. `value` is null for non-string values. */
export interface NameAttribute {
  oid: string;
  value: string | null;
}

/** A parsed Name: its raw bytes, every attribute in order, and Go's pkix.Name view. */
export interface ParsedName {
  raw: Uint8Array;
  attributes: NameAttribute[];
  /** Per RDN, the attributes it holds (multi-valued RDNs have several). */
  rdns: NameAttribute[][];
  name: DistinguishedName;
}

const STANDARD: ReadonlySet<string> = new Set([
  NAME_OID.commonName,
  NAME_OID.serialNumber,
  NAME_OID.country,
  NAME_OID.locality,
  NAME_OID.province,
  NAME_OID.streetAddress,
  NAME_OID.organization,
  NAME_OID.organizationalUnit,
  NAME_OID.postalCode,
]);

/** True for the attribute types Go's pkix.Name holds in named fields (cfssl isCommonAttr). */
export function isCommonAttribute(oid: string): boolean {
  return STANDARD.has(oid);
}

// A Go string as JS text: ASCII (nearly every name) directly, anything else as Go's encoding/json reads it.
function goText(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return goStringFromBytes(bytes);
  return asciiString(bytes);
}

const texts = (values: readonly GoString[]): string[] => values.map((v) => goText(v.bytes));

/**
 * The name view of an RDNSequence Go has parsed (certificate or CSR); `raw` is the Name's DER and `pkix` Go's
 * pkix.Name filled from the same RDNs (computed here when not given).
 */
export function parsedNameOf(
  raw: Uint8Array,
  rdnSequence: readonly (readonly GoAttribute[])[],
  pkix: GoPkixName = fillFromRdnSequence(rdnSequence),
): ParsedName {
  const attributes: NameAttribute[] = [];
  const rdns: NameAttribute[][] = [];
  const extraNames: ExtraAttribute[] = [];
  for (const rdn of rdnSequence) {
    const set: NameAttribute[] = [];
    for (const atv of rdn) {
      const oid = dottedOid(atv.type);
      const value = atv.value instanceof GoString ? goText(atv.value.bytes) : null;
      const attr = { oid, value };
      set.push(attr);
      attributes.push(attr);
      // cfssl signer.ParseCertificateRequest keeps the string attributes pkix.Name has no field for.
      if (value !== null && !isCommonAttribute(oid)) extraNames.push({ oid, value });
    }
    rdns.push(set);
  }
  const name: DistinguishedName = {
    country: texts(pkix.country),
    province: texts(pkix.province),
    locality: texts(pkix.locality),
    streetAddress: texts(pkix.streetAddress),
    postalCode: texts(pkix.postalCode),
    organization: texts(pkix.organization),
    organizationalUnit: texts(pkix.organizationalUnit),
    commonName: goText(pkix.commonName.bytes),
    serialNumber: goText(pkix.serialNumber.bytes),
    extraNames,
  };
  return { raw, attributes, rdns, name };
}

/** Parse DER bytes holding exactly one Name as Go's asn1.Unmarshal into pkix.RDNSequence does. Throws GoParseError (a DerError). */
export function parseName(der: Uint8Array): ParsedName {
  const { rdns, rest } = unmarshalGoName(der);
  if (rest.length !== 0) throw new GoParseError('x509: trailing data after X.509 Name');
  return parsedNameOf(der, rdns);
}
