// Reading a test's data directory (e.g. `new URL('./testdata/', import.meta.url)`).
import { readFileSync } from 'node:fs';

export interface TestdataFiles {
  /** A file's contents as UTF-8 text. */
  text: (name: string) => string;
  /** A file's bytes. */
  bytes: (name: string) => Uint8Array;
}

/** Readers for the files under `dir` (a directory URL ending in `/`). */
export function testdataFiles(dir: URL): TestdataFiles {
  return {
    text: (name) => readFileSync(new URL(name, dir), 'utf8'),
    bytes: (name) => new Uint8Array(readFileSync(new URL(name, dir))),
  };
}
