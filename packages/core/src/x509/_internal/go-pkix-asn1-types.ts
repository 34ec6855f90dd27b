// The crypto/x509/pkix types encoding/asn1 unmarshals a Name into (Go 1.19 pkix.go).
import type { GoAttribute } from '../go-pkix-name.js';
import type { Asn1Type } from './go-asn1-unmarshal.js';

/** pkix.AttributeTypeAndValue, decoded as a GoAttribute. */
export const ATTRIBUTE_TYPE_AND_VALUE: Asn1Type = {
  kind: 'struct',
  name: 'AttributeTypeAndValue',
  fields: [
    { name: 'Type', type: { kind: 'oid' } },
    { name: 'Value', type: { kind: 'any' } },
  ],
  build: (v): GoAttribute => ({ type: v[0] as number[], value: v[1] }),
};

/** pkix.RDNSequence, decoded as GoAttribute[][]. */
export const RDN_SEQUENCE: Asn1Type = {
  kind: 'slice',
  name: 'RDNSequence',
  elem: { kind: 'slice', name: 'RelativeDistinguishedNameSET', elem: ATTRIBUTE_TYPE_AND_VALUE },
};
