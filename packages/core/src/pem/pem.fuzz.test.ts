// Fuzzing PEM: any text decodes to blocks (never an exception, in bounded time); every block encodePem writes
// decodes back to its label and bytes.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { decodePemBlocks, encodePem } from './pem.js';

const PIECES = [
  '-----BEGIN ',
  '-----END ',
  '-----',
  'CERTIFICATE',
  'A-B',
  '\n',
  '\r\n',
  ' ',
  'Proc-Type: 4,ENCRYPTED',
  ':',
  'QUJD',
  '=',
  '==',
  '-',
  'x',
];
const pemText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 40 }),
  fc.tuple(fc.uint8Array({ maxLength: 100 }), fc.nat(), fc.string({ maxLength: 3 })).map(([der, at, insert]) => {
    const text = encodePem('CERTIFICATE', der);
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i);
  }),
  fc.string({ maxLength: 60 }),
);

fuzzTarget({
  target: 'pem-decode',
  arbitrary: pemText,
  check: (text) => {
    for (const block of decodePemBlocks(text)) expect(block.der).toBeInstanceOf(Uint8Array);
  },
  runs: 500,
});

// Labels as Go writes them: no newline and no "-----" run; Go's decoder also refuses a label with leading or trailing "-".
const label = fc
  .string({ unit: fc.constantFrom(...Array.from('ABCXYZ 0129-')), minLength: 1, maxLength: 20 })
  .filter((l) => !/^-|-$|--/.test(l));

fuzzTarget({
  target: 'pem-round-trip',
  arbitrary: fc.record({ label, der: fc.uint8Array({ maxLength: 300 }) }),
  check: ({ label: l, der }) => {
    const blocks = decodePemBlocks(encodePem(l, der));
    expect(blocks.map((b) => [b.label, b.der])).toEqual([[l, der]]);
  },
  runs: 500,
});
