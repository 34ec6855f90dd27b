// Mutants of real DER: raw damage (bit flips, inserted and deleted bytes, truncation) and structural edits
// that keep every enclosing length right (a changed tag, value, length field, or dropped, doubled or swapped child).
import fc from 'fast-check';
import { type DerTree, derTreeNodes, encodeDerTree, lengthBytes, parseDerTree } from './der-tree.js';

const KINDS = ['flip', 'insert', 'delete', 'truncate', 'length', 'tag', 'value', 'interesting', 'drop', 'double', 'swap'] as const;

/** One mutation step; `at` and `n` pick positions and variants, `data` supplies new bytes. */
export interface DerMutation {
  kind: (typeof KINDS)[number];
  at: number;
  n: number;
  data: Uint8Array;
}

const TAGS = [
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1e, 0x1f, 0x30, 0x31, 0x80, 0x81, 0x82, 0x86, 0x87, 0xa0,
  0xa3,
];
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];
const INTERESTING: readonly number[][] = [
  [],
  [0x00],
  [0x01],
  [0x80],
  [0xff],
  [0x00, 0x01],
  [0xff, 0x80],
  Array<number>(9).fill(0xff),
  [0x7f, ...Array<number>(8).fill(0xff)],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0x80, 0x01],
  [...Array<number>(10).fill(0x81), 0x01],
  [0x2a, 0x86, 0x48],
  ascii('991231235959Z'),
  ascii('20500101000000Z'),
  ascii('500229000000Z'),
  ascii('200101000000+0100'),
  ascii('200101000000+2500'),
  ascii('20200101000000-9959'),
  ascii('2001010000.5Z'),
  ascii('*.example.com'),
  ascii('a@b.example'),
  ascii('http://[::1]:8/%zz'),
  ascii('a b'),
  [0x0a, 0, 0, 1],
  [0x0a, 0, 0, 1, 0xff, 0xff, 0xff, 0],
  Array<number>(16).fill(0),
  Array<number>(300).fill(0x41),
];

/** A fast-check arbitrary for one mutation step. */
export const derMutationArbitrary: fc.Arbitrary<DerMutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  at: fc.nat(),
  n: fc.nat(),
  data: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

function rawMutation(der: Uint8Array, m: DerMutation): Uint8Array {
  const b = Buffer.from(der);
  const at = b.length === 0 ? 0 : m.at % b.length;
  switch (m.kind) {
    case 'insert':
      return new Uint8Array(Buffer.concat([b.subarray(0, at + 1), m.data, b.subarray(at + 1)]));
    case 'delete':
      return new Uint8Array(Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + (m.n % 4))]));
    case 'truncate':
      return new Uint8Array(b.subarray(0, at));
    default: {
      if (b.length > 0) b[at] = b[at]! ^ (1 << (m.n % 8));
      return new Uint8Array(b);
    }
  }
}

function lengthVariant(contentLength: number, n: number): number[] {
  const variants = [
    lengthBytes(contentLength + 1),
    lengthBytes(Math.max(0, contentLength - 1)),
    [0x80],
    [0x81, contentLength & 0xff],
    [0x82, (contentLength >> 8) & 0xff, contentLength & 0xff],
    [0x84, 0xff, 0xff, 0xff, 0xff],
    [0x85, 0, 0, 0, 0, contentLength & 0xff],
    lengthBytes(0),
  ];
  return variants[n % variants.length]!;
}

function structuralMutation(tree: DerTree, m: DerMutation): void {
  const nodes = derTreeNodes(tree);
  const node = nodes[m.at % nodes.length]!;
  switch (m.kind) {
    case 'length':
      node.lengthOverride = lengthVariant(encodeDerTree(node).length - 2, m.n);
      return;
    case 'tag':
      node.tag = m.n % 3 === 0 ? m.data[0]! : TAGS[m.n % TAGS.length]!;
      return;
    case 'value':
    case 'interesting': {
      const content = m.kind === 'value' ? m.data : Uint8Array.from(INTERESTING[m.n % INTERESTING.length]!);
      Object.assign(node, { kind: 'leaf', content });
      return;
    }
    default: {
      if (node.kind !== 'children' || node.children.length === 0) return;
      const c = node.children;
      const i = m.n % c.length;
      if (m.kind === 'drop') c.splice(i, 1);
      else if (m.kind === 'double') c.splice(i, 0, c[i]!);
      else [c[i], c[c.length - 1]] = [c[c.length - 1]!, c[i]!];
    }
  }
}

/** Apply mutation steps in turn; structural steps fall back to a bit flip once the bytes no longer parse as a tree. */
export function mutateDer(der: Uint8Array, steps: readonly DerMutation[]): Uint8Array {
  let out = der;
  for (const m of steps) {
    const raw = m.kind === 'flip' || m.kind === 'insert' || m.kind === 'delete' || m.kind === 'truncate';
    const tree = raw ? null : parseDerTree(out);
    if (tree) {
      structuralMutation(tree, m);
      out = encodeDerTree(tree);
    } else {
      out = rawMutation(out, raw ? m : { ...m, kind: 'flip' });
    }
  }
  return out;
}

/** Mutants of the given DER values: one to three steps each, of the four raw and seven structural kinds. */
export function derMutantArbitrary(corpus: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  if (corpus.length === 0) throw new Error('derMutantArbitrary: empty corpus');
  return fc
    .tuple(fc.nat({ max: corpus.length - 1 }), fc.array(derMutationArbitrary, { minLength: 1, maxLength: 3 }))
    .map(([i, steps]) => mutateDer(corpus[i]!, steps));
}
