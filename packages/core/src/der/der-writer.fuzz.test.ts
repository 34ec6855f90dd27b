// Fuzzing the DER writer against the reader: whatever the writer encodes, the reader reads back unchanged.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { decodeOid, readChildren, readSingle } from './der-reader.js';
import { integerValue, minimalInteger } from './der-primitives.js';
import { derInteger, derOctetString, derOid, derSequence, derSetOf, tlv } from './der-writer.js';

/** A value the writer can encode, described so that the reader's result can be checked against it. */
type Model =
  | { kind: 'integer'; value: bigint }
  | { kind: 'oid'; arcs: bigint[] }
  | { kind: 'octets'; content: Uint8Array }
  | { kind: 'primitive'; tag: number; content: Uint8Array }
  | { kind: 'sequence' | 'set'; children: Model[] };

const models = fc.letrec<{ model: Model }>((tie) => ({
  model: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('integer' as const), value: fc.bigInt({ min: 0n, max: (1n << 200n) - 1n }) }),
    fc
      .tuple(
        fc.bigInt({ min: 0n, max: 2n }),
        fc.bigInt({ min: 0n, max: 39n }),
        fc.array(fc.bigInt({ min: 0n, max: 1n << 70n }), { maxLength: 6 }),
      )
      .map(([a, b, rest]): Model => ({ kind: 'oid', arcs: [a, a === 2n ? b * 1000n : b, ...rest] })),
    fc.record({ kind: fc.constant('octets' as const), content: fc.uint8Array({ maxLength: 300 }) }),
    fc.record({
      kind: fc.constant('primitive' as const),
      tag: fc.integer({ min: 0x01, max: 0x1e }).filter((t) => t !== 0x10 && t !== 0x11),
      content: fc.uint8Array({ maxLength: 40 }),
    }),
    fc.record({ kind: fc.constantFrom('sequence' as const, 'set' as const), children: fc.array(tie('model'), { maxLength: 4 }) }),
  ),
})).model;

function encode(m: Model): Uint8Array {
  switch (m.kind) {
    case 'integer':
      return derInteger(m.value);
    case 'oid':
      return derOid(m.arcs.join('.'));
    case 'octets':
      return derOctetString(m.content);
    case 'primitive':
      return tlv(m.tag, m.content);
    case 'sequence':
      return derSequence(m.children.map(encode));
    case 'set':
      return derSetOf(m.children.map(encode));
  }
}

fuzzTarget({
  target: 'der-round-trip',
  arbitrary: models,
  check: (model) => {
    const der = encode(model);
    const node = readSingle(der);
    expect(node.raw).toEqual(der);
    switch (model.kind) {
      case 'integer':
        expect(minimalInteger(node.content)).toBe(true);
        expect(integerValue(node.content)).toBe(model.value);
        break;
      case 'oid':
        expect(decodeOid(node.content)).toBe(model.arcs.join('.'));
        break;
      case 'octets':
      case 'primitive':
        expect(node.content).toEqual(model.content);
        break;
      case 'sequence':
      case 'set': {
        const children = readChildren(node).map((c) => Buffer.from(c.raw).toString('hex'));
        const expected = model.children.map((c) => Buffer.from(encode(c)).toString('hex'));
        expect(model.kind === 'set' ? [...children].sort() : children).toEqual(model.kind === 'set' ? [...expected].sort() : expected);
      }
    }
  },
  runs: 300,
});
