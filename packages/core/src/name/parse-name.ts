// Go pkix.Name.FillFromRDNSequence, plus cfssl 1.6 keeping non-standard attributes (signer.ParseCertificateRequest).
import { DerError, decodeDirectoryString, decodeOid, expectChildren, readSingle, type DerNode } from '../der/der-reader.js';
import { TAG } from '../der/der-writer.js';
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

/** Parse a DER Name (RDNSequence). Throws DerError on malformed input. */
export function parseNameNode(node: DerNode): ParsedName {
  const name = emptyName();
  const attributes: NameAttribute[] = [];
  const rdns: NameAttribute[][] = [];
  for (const rdn of expectChildren(node, TAG.SEQUENCE, 'Name')) {
    const set: NameAttribute[] = [];
    for (const atv of expectChildren(rdn, TAG.SET, 'RelativeDistinguishedName')) {
      const [type, value] = expectChildren(atv, TAG.SEQUENCE, 'AttributeTypeAndValue');
      if (!type || type.tag !== TAG.OID || !value) throw new DerError('asn1: structure error: AttributeTypeAndValue');
      const oid = decodeOid(type.content);
      const str = decodeDirectoryString(value);
      const attr = { oid, value: str };
      set.push(attr);
      attributes.push(attr);
      if (str === null) continue;
      switch (oid) {
        case NAME_OID.commonName: name.commonName = str; break;
        case NAME_OID.serialNumber: name.serialNumber = str; break;
        case NAME_OID.country: name.country.push(str); break;
        case NAME_OID.locality: name.locality.push(str); break;
        case NAME_OID.province: name.province.push(str); break;
        case NAME_OID.streetAddress: name.streetAddress.push(str); break;
        case NAME_OID.organization: name.organization.push(str); break;
        case NAME_OID.organizationalUnit: name.organizationalUnit.push(str); break;
        case NAME_OID.postalCode: name.postalCode.push(str); break;
        default: name.extraNames.push({ oid, value: str });
      }
    }
    rdns.push(set);
  }
  return { raw: node.raw, attributes, rdns, name };
}

/** Parse DER bytes holding exactly one Name. */
export function parseName(der: Uint8Array): ParsedName {
  return parseNameNode(readSingle(der));
}
