// Fuzzing the DER reader: any bytes end in a DerError or in nodes whose parts decode or fail as DerErrors.
import fc from 'fast-check';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { CryptobyteReader } from './cryptobyte-reader.js';
import { DerError, type DerNode, decodeOid, decodeUnsignedInteger, readChildren, readSingle } from './der-reader.js';

function walk(node: DerNode, depth: number): void {
  if (depth > 64) return;
  if (node.tag & 0x20) {
    const children = allowingTypedErrors([DerError], () => readChildren(node));
    for (const c of children ?? []) walk(c, depth + 1);
    return;
  }
  if (node.tag === 0x02) allowingTypedErrors([DerError], () => decodeUnsignedInteger(node.content));
  if (node.tag === 0x06) allowingTypedErrors([DerError], () => decodeOid(node.content));
  // cryptobyte's reads return null where Go returns false; they never throw.
  const r = new CryptobyteReader(node.raw);
  r.readAny();
}

const { certificates, requests } = goldenDerCorpus();

fuzzTarget({
  target: 'der-reader',
  arbitrary: fc.oneof(derMutantArbitrary([...certificates, ...requests]), fc.uint8Array({ maxLength: 64 })),
  check: (der) => {
    const root = allowingTypedErrors([DerError], () => readSingle(der));
    if (root) walk(root, 0);
  },
  runs: 300,
});
