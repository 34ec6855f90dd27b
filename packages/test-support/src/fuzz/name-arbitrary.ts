// Subjects to encode: every pkix.Name field with zero to three values of any text, plus extra attributes.
import fc from 'fast-check';
import { type DistinguishedName, NAME_OID } from '../../../core/src/name/distinguished-name.js';

// Text Go and JS agree on: whole code points (a lone surrogate has no UTF-8 form).
const text = fc.string({ unit: 'binary', maxLength: 24 });
const values = fc.array(text, { maxLength: 3 });
const extraOid = fc.oneof(
  fc.constant(NAME_OID.emailAddress),
  fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 4 }).map((arcs) => `1.3.6.1.4.1.${arcs.join('.')}`),
);

/** A name as cfssl builds it from CSR JSON: standard fields plus extra attributes of non-standard types. */
export const distinguishedNameArbitrary: fc.Arbitrary<DistinguishedName> = fc.record({
  country: values,
  province: values,
  locality: values,
  streetAddress: values,
  postalCode: values,
  organization: values,
  organizationalUnit: values,
  commonName: text,
  serialNumber: text,
  extraNames: fc.array(fc.record({ oid: extraOid, value: text }), { maxLength: 3 }),
});

/** The name with each multi-valued field sorted: a SET OF is sorted by encoding, so its values come back in another order. */
export function sortedName(n: DistinguishedName): DistinguishedName {
  return {
    ...n,
    country: [...n.country].sort(),
    province: [...n.province].sort(),
    locality: [...n.locality].sort(),
    streetAddress: [...n.streetAddress].sort(),
    postalCode: [...n.postalCode].sort(),
    organization: [...n.organization].sort(),
    organizationalUnit: [...n.organizationalUnit].sort(),
  };
}
