// Fuzzing the RE2-to-JavaScript translation: any pattern compiles to a RegExp or fails with Go's GoRegexpError.
import fc from 'fast-check';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { compileGoRegexp, GoRegexpError } from './go-regexp.js';

const PIECES = [
  ...Array.from('ab.^$|()[]{}*+?\\-,0123456789'),
  '(?i)',
  '(?s)',
  '(?P<n>',
  '(?:',
  '[[:alpha:]]',
  '\\pL',
  '\\p{Greek}',
  '\\PN',
  '\\Q',
  '\\E',
  '\\z',
  '\\A',
  '\\b',
  '\\x{10FFFF}',
  '\\x{110000}',
  '{1000}',
  '{2,1}',
  '[^',
  'é',
];

fuzzTarget({
  target: 'go-regexp-compile',
  arbitrary: fc.oneof(fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 16 }), fc.string({ maxLength: 20 })),
  check: (pattern) => {
    allowingTypedErrors([GoRegexpError], () => compileGoRegexp(pattern));
  },
  runs: 500,
});
