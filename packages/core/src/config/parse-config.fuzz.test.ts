// Fuzzing the ca-config.json reader with mutants of the golden corpus's configs: a ParsedConfig or a CfsslError.
import fc from 'fast-check';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenJsonTexts, jsonMutantArbitrary } from '@cfssl-ts/test-support/fuzz/json-mutant';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { CfsslError } from '../errors/cfssl-error.js';
import { parseConfig } from './parse-config.js';

fuzzTarget({
  target: 'config-parse',
  arbitrary: fc.oneof({ weight: 9, arbitrary: jsonMutantArbitrary(goldenJsonTexts(/config/)) }, { weight: 1, arbitrary: fc.json() }),
  check: (text) => {
    allowingTypedErrors([CfsslError], () => parseConfig(text));
  },
  runs: 300,
});
