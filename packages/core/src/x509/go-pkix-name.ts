// Go pkix.Name.FillFromRDNSequence: every attribute in DER order, string values copied to the named fields.
import { GoString } from './go-string.js';

/** One pkix.AttributeTypeAndValue: OID arcs and the decoded value (a GoString for string types). */
export interface GoAttribute {
  type: number[];
  value: unknown;
}

/** Go's pkix.Name after FillFromRDNSequence. */
export interface GoPkixName {
  country: GoString[];
  organization: GoString[];
  organizationalUnit: GoString[];
  locality: GoString[];
  province: GoString[];
  streetAddress: GoString[];
  postalCode: GoString[];
  serialNumber: GoString;
  commonName: GoString;
  /** Every attribute, empty RDNs skipped. */
  names: GoAttribute[];
}

const EMPTY = new GoString(new Uint8Array(0));

/** Fill a pkix.Name from RDNs (each a list of attributes), exactly as Go does. */
export function fillFromRdnSequence(rdns: readonly (readonly GoAttribute[])[]): GoPkixName {
  const n: GoPkixName = {
    country: [],
    organization: [],
    organizationalUnit: [],
    locality: [],
    province: [],
    streetAddress: [],
    postalCode: [],
    serialNumber: EMPTY,
    commonName: EMPTY,
    names: [],
  };
  for (const rdn of rdns) {
    for (const atv of rdn) {
      n.names.push(atv);
      const value = atv.value;
      if (!(value instanceof GoString)) continue;
      const t = atv.type;
      if (t.length !== 4 || t[0] !== 2 || t[1] !== 5 || t[2] !== 4) continue;
      switch (t[3]) {
        case 3:
          n.commonName = value;
          break;
        case 5:
          n.serialNumber = value;
          break;
        case 6:
          n.country.push(value);
          break;
        case 7:
          n.locality.push(value);
          break;
        case 8:
          n.province.push(value);
          break;
        case 9:
          n.streetAddress.push(value);
          break;
        case 10:
          n.organization.push(value);
          break;
        case 11:
          n.organizationalUnit.push(value);
          break;
        case 17:
          n.postalCode.push(value);
          break;
        default:
          break;
      }
    }
  }
  return n;
}
