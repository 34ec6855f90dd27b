// cfssl's view of a Name over Go's parse (x509/parse-go-name.ts for certificates, x509/unmarshal-go-name.ts for
// CSRs and lone Names): pkix.Name.FillFromRDNSequence with the values as JS strings, plus cfssl 1.6 keeping
// non-standard attributes (signer.ParseCertificateRequest).
import { GoParseError } from '../x509/go-parse-error.js';
import type { GoAttribute } from '../x509/go-pkix-name.js';
import { goStringFromBytes, GoString } from '../x509/go-string.js';
import { unmarshalGoName } from '../x509/unmarshal-go-name.js';
import { emptyName, NAME_OID, type DistinguishedName } from './distinguished-name.js';

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
  let ascii = '';
  for (const b of bytes) {
    if (b >= 0x80) return goStringFromBytes(bytes);
    ascii += String.fromCharCode(b);
  }
  return ascii;
}

/** The name view of an RDNSequence Go has parsed (certificate or CSR); `raw` is the Name's DER. */
export function parsedNameOf(raw: Uint8Array, rdnSequence: readonly (readonly GoAttribute[])[]): ParsedName {
  const name = emptyName();
  const attributes: NameAttribute[] = [];
  const rdns: NameAttribute[][] = [];
  for (const rdn of rdnSequence) {
    const set: NameAttribute[] = [];
    for (const atv of rdn) {
      const oid = atv.type.join('.');
      const str = atv.value instanceof GoString ? goText(atv.value.bytes) : null;
      const attr = { oid, value: str };
      set.push(attr);
      attributes.push(attr);
      if (str === null) continue;
      // Go pkix.Name.FillFromRDNSequence.
      switch (oid) {
        case NAME_OID.commonName:
          name.commonName = str;
          break;
        case NAME_OID.serialNumber:
          name.serialNumber = str;
          break;
        case NAME_OID.country:
          name.country.push(str);
          break;
        case NAME_OID.locality:
          name.locality.push(str);
          break;
        case NAME_OID.province:
          name.province.push(str);
          break;
        case NAME_OID.streetAddress:
          name.streetAddress.push(str);
          break;
        case NAME_OID.organization:
          name.organization.push(str);
          break;
        case NAME_OID.organizationalUnit:
          name.organizationalUnit.push(str);
          break;
        case NAME_OID.postalCode:
          name.postalCode.push(str);
          break;
        default:
          name.extraNames.push({ oid, value: str });
      }
    }
    rdns.push(set);
  }
  return { raw, attributes, rdns, name };
}

/** Parse DER bytes holding exactly one Name as Go's asn1.Unmarshal into pkix.RDNSequence does. Throws GoParseError (a DerError). */
export function parseName(der: Uint8Array): ParsedName {
  const { rdns, rest } = unmarshalGoName(der);
  if (rest.length !== 0) throw new GoParseError('x509: trailing data after X.509 Name');
  return parsedNameOf(der, rdns);
}
