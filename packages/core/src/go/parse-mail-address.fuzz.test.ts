// Fuzzing Go's net/mail.ParseAddress as cfssl uses it: any text gives an address or null, never an exception.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { parseGoMailAddress } from './parse-mail-address.js';

fuzzTarget({
  target: 'mail-address-parse',
  arbitrary: fc.oneof(
    fc.string({ unit: fc.constantFrom(...Array.from('ab@.<>"\\()[]:;, \t\r\n=?'), '=?utf-8?q?', '?=', 'é', '\u0000'), maxLength: 40 }),
    fc.emailAddress(),
    fc.string({ maxLength: 30 }),
  ),
  check: (text) => {
    const address = parseGoMailAddress(text);
    if (address !== null) expect(typeof address).toBe('string');
  },
  runs: 500,
});
