// Go's pkix.Name: the subject model cfssl builds and re-encodes (reference §5.3).

/** An attribute outside Go's standard set (emailAddress, custom OIDs), each encoded as its own RDN. */
export interface ExtraAttribute {
  /** Dotted OID. */
  oid: string;
  value: string;
}

/** Go pkix.Name: multi-valued standard attributes plus extras in insertion order. */
export interface DistinguishedName {
  country: string[];
  province: string[];
  locality: string[];
  streetAddress: string[];
  postalCode: string[];
  organization: string[];
  organizationalUnit: string[];
  commonName: string;
  serialNumber: string;
  extraNames: ExtraAttribute[];
}

/** An empty name (Go's zero pkix.Name). */
export function emptyName(): DistinguishedName {
  return {
    country: [],
    province: [],
    locality: [],
    streetAddress: [],
    postalCode: [],
    organization: [],
    organizationalUnit: [],
    commonName: '',
    serialNumber: '',
    extraNames: [],
  };
}

/** Attribute type OIDs of the standard fields. */
export const NAME_OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  province: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  postalCode: '2.5.4.17',
  emailAddress: '1.2.840.113549.1.9.1',
} as const;
