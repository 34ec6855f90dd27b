// Fuzzing the Go JSON decoder: it accepts exactly the texts JSON.parse accepts (RFC 8259 grammar), fails
// only with GoJsonSyntaxError, and reads back what marshalGoJson writes.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenJsonTexts, jsonMutantArbitrary } from '@cfssl-ts/test-support/fuzz/json-mutant';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { decodeGoJson } from './decode-go-json.js';
import { GoJsonSyntaxError } from './go-json-errors.js';
import type { GoJsonValue } from './go-json-value.js';
import { marshalGoJson } from './marshal-go-json.js';

function parsesInJs(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The plain JS value of a decoded document (the last of duplicate keys wins, as in JSON.parse). */
function plain(v: GoJsonValue): unknown {
  switch (v.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'string':
      return v.value;
    case 'number':
      return Number(v.literal);
    case 'array':
      return v.items.map(plain);
    case 'object':
      return Object.fromEntries(v.entries.map(([k, x]) => [k, plain(x)]));
  }
}

fuzzTarget({
  target: 'go-json-decode',
  arbitrary: fc.oneof(
    jsonMutantArbitrary(goldenJsonTexts(/./)),
    fc.string({
      unit: fc.constantFrom(...Array.from('{}[]:,"\\ 0123456789.eE+-tfnul\t\n'), 'true', 'null', '\\u', 'd800', '\u00e9'),
      maxLength: 30,
    }),
    fc.string({ maxLength: 30 }),
  ),
  check: (text) => {
    const doc = allowingTypedErrors([GoJsonSyntaxError], () => decodeGoJson(text));
    expect(doc !== undefined).toBe(parsesInJs(text));
  },
  runs: 400,
});

fuzzTarget({
  target: 'go-json-round-trip',
  arbitrary: fc.jsonValue({ maxDepth: 3 }),
  check: (value) => {
    expect(plain(decodeGoJson(marshalGoJson(value)))).toEqual(value);
  },
  runs: 400,
});
