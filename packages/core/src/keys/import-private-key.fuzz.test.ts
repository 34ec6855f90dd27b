// Fuzzing private-key import with mutants of real keys (this folder's testdata and keys made here): a KeyPair
// or cfssl's CfsslError (2002/2003/...), never another exception; every key cfssl-ts exports imports back
// to the same key, from its cfssl form and from PKCS#8, in PEM with text around it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { allowingTypedErrorsAsync } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { CfsslError } from '../errors/cfssl-error.js';
import { encodePem } from '../pem/pem.js';
import { exportPkcs8Der, exportPrivateKeyDer } from './export-private-key.js';
import { generateKeyPair } from './generate-key-pair.js';
import { importPrivateKeyDer, importPrivateKeyPem } from './import-private-key.js';

const keys = await Promise.all(
  [
    { algo: 'ecdsa', size: 256 },
    { algo: 'ecdsa', size: 384 },
    { algo: 'ecdsa', size: 521 },
    { algo: 'ed25519', size: 0 },
    { algo: 'rsa', size: 2048 },
  ].map((spec) => generateKeyPair(spec)),
);

function testdataKeys(): Uint8Array[] {
  const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
  const files = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
  return files(dir)
    .filter((f) => f.endsWith('.pem'))
    .sort()
    .flatMap((f) => [
      ...readFileSync(f, 'utf8').matchAll(/-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----\n(?![A-Za-z-]+:)([\s\S]*?)-----END \1-----/g),
    ])
    .map((m) => new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64')));
}

const corpus = [...testdataKeys(), ...keys.flatMap((k) => [exportPrivateKeyDer(k), exportPkcs8Der(k)])];

fuzzTarget({
  target: 'private-key-import',
  arbitrary: derMutantArbitrary(corpus),
  check: async (der) => {
    await allowingTypedErrorsAsync([CfsslError], () => importPrivateKeyDer(der));
  },
  runs: 200,
});

fuzzTarget({
  target: 'key-round-trip',
  arbitrary: fc.record({
    key: fc.nat({ max: keys.length - 1 }),
    pkcs8: fc.boolean(),
    before: fc.string({ unit: fc.constantFrom('x', ' ', '\n', '-----', 'EC PARAMETERS'), maxLength: 8 }),
    after: fc.string({ maxLength: 8 }),
  }),
  check: async ({ key, pkcs8, before, after }) => {
    const k = keys[key]!;
    const der = pkcs8 ? exportPkcs8Der(k) : exportPrivateKeyDer(k);
    const back = await importPrivateKeyPem(`${before}\n${encodePem(pkcs8 ? 'PRIVATE KEY' : 'KEY', der)}${after}`);
    expect(exportPrivateKeyDer(back)).toEqual(exportPrivateKeyDer(k));
  },
  runs: 100,
});
