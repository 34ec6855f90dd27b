// The crypto/x509/pkix types encoding/asn1 unmarshals a Name into (Go 1.19 pkix.go).
import type { GoAttribute } from '../go-pkix-name.js';
import type { Asn1Type } from './go-asn1-unmarshal.js';

/** pkix.AttributeTypeAndValue. */
export const ATTRIBUTE_TYPE_AND_VALUE: Asn1Type = {
  kind: 'struct',
  name: 'AttributeTypeAndValue',
  fields: [
    { name: 'Type', type: { kind: 'oid' } },
    { name: 'Value', type: { kind: 'any' } },
  ],
};

/** pkix.RDNSequence. */
export const RDN_SEQUENCE: Asn1Type = {
  kind: 'slice',
  name: 'RDNSequence',
  elem: { kind: 'slice', name: 'RelativeDistinguishedNameSET', elem: ATTRIBUTE_TYPE_AND_VALUE },
};

/** An unmarshalled AttributeTypeAndValue as a GoAttribute. */
export const toGoAttribute = (atv: { [field: string]: unknown }): GoAttribute => ({ type: atv.Type as number[], value: atv.Value });
