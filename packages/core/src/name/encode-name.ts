// Go pkix.Name.ToRDNSequence + asn1.Marshal: C, ST, L, street, postalCode, O, OU, CN, serialNumber, extras.
import { derOid, derSequence, derSetOf, tlv, utf8 } from '../der/der-writer.js';
import { chooseStringTag } from './choose-string-type.js';
import { NAME_OID, type DistinguishedName } from './distinguished-name.js';

function encodeAttribute(oid: string, value: string): Uint8Array {
  return derSequence([derOid(oid), tlv(chooseStringTag(value), utf8(value))]);
}

/**
 * DER RDNSequence of a name exactly as Go writes it (reference §5.3): all values of one standard
 * type form one multi-valued RDN (SET OF sorted by encoding); each extra attribute is its own RDN;
 * a standard field is skipped when an extra attribute carries the same OID (Go appendRDNs).
 */
export function encodeName(name: DistinguishedName): Uint8Array {
  const extraOids = new Set(name.extraNames.map((e) => e.oid));
  const rdns: Uint8Array[] = [];
  const append = (values: readonly string[], oid: string): void => {
    if (values.length === 0 || extraOids.has(oid)) return;
    rdns.push(derSetOf(values.map((v) => encodeAttribute(oid, v))));
  };
  append(name.country, NAME_OID.country);
  append(name.province, NAME_OID.province);
  append(name.locality, NAME_OID.locality);
  append(name.streetAddress, NAME_OID.streetAddress);
  append(name.postalCode, NAME_OID.postalCode);
  append(name.organization, NAME_OID.organization);
  append(name.organizationalUnit, NAME_OID.organizationalUnit);
  if (name.commonName !== '') append([name.commonName], NAME_OID.commonName);
  if (name.serialNumber !== '') append([name.serialNumber], NAME_OID.serialNumber);
  for (const extra of name.extraNames) rdns.push(derSetOf([encodeAttribute(extra.oid, extra.value)]));
  return derSequence(rdns);
}
