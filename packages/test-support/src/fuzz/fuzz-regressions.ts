// Saved failing inputs (fixtures/fuzz-regressions/<target>/*.json): written by `pnpm fuzz`, replayed by every `npm test`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../repo-paths.js';
import { decodeFuzzInput, encodeFuzzInput } from './fuzz-input-codec.js';
import type { FuzzTargetName } from './fuzz-targets.js';

/** One saved failure: which target, how fast-check found it, why it failed, and the input itself. */
export interface FuzzRegression {
  target: string;
  seed: number;
  /** fast-check's counterexample path (replay with `{ seed, path }`). */
  path: string;
  /** The error the input raised when it was saved. */
  error: string;
  input: unknown;
}

/** The folder of a target's saved failures. */
export function regressionDir(target: string): string {
  return fixturePath('fuzz-regressions', target);
}

/** The saved failures of `target` as [file name, decoded input], in file-name order. */
export function loadRegressions(target: FuzzTargetName): Array<[string, unknown]> {
  const dir = regressionDir(target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, decodeFuzzInput((JSON.parse(readFileSync(join(dir, f), 'utf8')) as FuzzRegression).input)]);
}

/** Write a failing input; the file is named by a hash of the input, so a second save of it is a no-op. Returns the path. */
export function saveRegression(target: FuzzTargetName, found: Omit<FuzzRegression, 'target' | 'input'>, input: unknown): string {
  const encoded = encodeFuzzInput(input);
  const name = createHash('sha256').update(JSON.stringify(encoded)).digest('hex').slice(0, 16);
  const dir = regressionDir(target);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const record: FuzzRegression = { target, ...found, error: found.error.slice(0, 500), input: encoded };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
