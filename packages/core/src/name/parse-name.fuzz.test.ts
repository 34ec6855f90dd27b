// Fuzzing the name parser (mutated subjects of real certificates) and name encoding against it (round trips).
import { expect } from 'vitest';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { distinguishedNameArbitrary, sortedName } from '@cfssl-ts/test-support/fuzz/name-arbitrary';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { GoParseError } from '../x509/go-parse-error.js';
import { parseGoCertificate } from '../x509/parse-go-certificate.js';
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

fuzzTarget({
  target: 'name-round-trip',
  arbitrary: distinguishedNameArbitrary,
  check: (name) => {
    const der = encodeName(name);
    const parsed = parseName(der);
    expect(parsed.raw).toEqual(der);
    expect(sortedName(parsed.name)).toEqual(sortedName(name));
    expect(encodeName(parsed.name)).toEqual(der);
  },
  runs: 300,
});
