// Fuzzing the CSR JSON reader with mutants of the golden corpus's requests: a request whose subject can be
// built, or a CfsslError.
import fc from 'fast-check';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenJsonTexts, jsonMutantArbitrary } from '@cfssl-ts/test-support/fuzz/json-mutant';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { CfsslError } from '../errors/cfssl-error.js';
import { nameFromRequest } from '../name/name-from-request.js';
import { parseCsrRequest } from './parse-csr-request.js';

fuzzTarget({
  target: 'csr-request-parse',
  arbitrary: fc.oneof({ weight: 9, arbitrary: jsonMutantArbitrary(goldenJsonTexts(/csr/)) }, { weight: 1, arbitrary: fc.json() }),
  check: (text) => {
    const spec = allowingTypedErrors([CfsslError], () => parseCsrRequest(text));
    if (spec) allowingTypedErrors([CfsslError], () => nameFromRequest(spec));
  },
  runs: 300,
});
