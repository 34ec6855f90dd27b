// Fuzzing Go's duration reader: any text ends in nanoseconds or a GoDurationError; every int64 duration
// that Go's String() writes reads back as itself.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { formatGoDuration, GoDurationError, parseGoDuration } from './parse-duration.js';

const durationText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...Array.from('0123456789.+-hmsuµnµ '), 'ms', 'us', 'ns', 'h', '9223372036854775807'), maxLength: 30 }),
  fc.string({ maxLength: 20 }),
);

fuzzTarget({
  target: 'duration-parse',
  arbitrary: durationText,
  check: (text) => {
    const ns = allowingTypedErrors([GoDurationError], () => parseGoDuration(text));
    if (ns !== undefined) expect(BigInt.asIntN(64, ns)).toBe(ns);
  },
  runs: 500,
});

fuzzTarget({
  target: 'duration-round-trip',
  arbitrary: fc.oneof(
    fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
    fc.bigInt({ min: -1_000_000_000_000n, max: 1_000_000_000_000n }),
  ),
  check: (ns) => {
    expect(parseGoDuration(formatGoDuration(ns))).toBe(ns);
  },
  runs: 500,
});
