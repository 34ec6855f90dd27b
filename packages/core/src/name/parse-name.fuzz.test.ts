// Fuzzing the name parser (mutated subjects of real certificates) and name encoding against it (round trips).
import fc from 'fast-check';
import { expect } from 'vitest';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { GoParseError } from '../x509/go-parse-error.js';
import { parseGoCertificate } from '../x509/parse-go-certificate.js';
import { type DistinguishedName, NAME_OID } from './distinguished-name.js';
import { encodeName } from './encode-name.js';
import { parseName } from './parse-name.js';

const names = goldenDerCorpus().certificates.flatMap((c) => {
  const cert = parseGoCertificate(c);
  return [cert.rawSubject, cert.rawIssuer];
});

fuzzTarget({
  target: 'name-parse',
  arbitrary: derMutantArbitrary(names),
  check: (der) => {
    allowingTypedErrors([GoParseError], () => parseName(der));
  },
  runs: 300,
});

// Text Go and JS agree on: whole code points (a lone surrogate has no UTF-8 form).
const text = fc.string({ unit: 'binary', maxLength: 24 });
const values = fc.array(text, { maxLength: 3 });
const extraOid = fc.oneof(
  fc.constant(NAME_OID.emailAddress),
  fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 4 }).map((arcs) => `1.3.6.1.4.1.${arcs.join('.')}`),
);
const nameArbitrary: fc.Arbitrary<DistinguishedName> = fc.record({
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

// A SET OF is sorted by encoding, so the values of one multi-valued RDN come back in another order.
const sorted = (n: DistinguishedName): DistinguishedName => ({
  ...n,
  country: [...n.country].sort(),
  province: [...n.province].sort(),
  locality: [...n.locality].sort(),
  streetAddress: [...n.streetAddress].sort(),
  postalCode: [...n.postalCode].sort(),
  organization: [...n.organization].sort(),
  organizationalUnit: [...n.organizationalUnit].sort(),
});

fuzzTarget({
  target: 'name-round-trip',
  arbitrary: nameArbitrary,
  check: (name) => {
    const der = encodeName(name);
    const parsed = parseName(der);
    expect(parsed.raw).toEqual(der);
    expect(sorted(parsed.name)).toEqual(sorted(name));
    expect(encodeName(parsed.name)).toEqual(der);
  },
  runs: 300,
});
