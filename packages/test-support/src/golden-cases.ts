// Loading the golden corpus made by real cfssl (fixtures/golden/<version>/<case>/case.json).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goldenDir } from './repo-paths.js';

export interface GoldenCase {
  id: string;
  dir: string;
  cmd: string[];
  replay: { serial: string | null; now: string | null; key: string | null };
  expect: { exit: number; error: string | null };
  tier: 'bytes' | 'tbs' | 'structure' | 'error' | 'certinfo';
  quirk: string | null;
}

export function loadGoldenCases(version: string): GoldenCase[] {
  const root = goldenDir(version);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'case.json')))
    .map((d): GoldenCase => {
      const c = JSON.parse(readFileSync(join(root, d.name, 'case.json'), 'utf8')) as Omit<GoldenCase, 'dir'>;
      return { ...c, dir: join(root, d.name) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A scratch copy of a case directory, so runs never touch the fixtures. */
export function scratchCopy(c: GoldenCase): string {
  const dir = mkdtempSync(join(tmpdir(), `golden-${c.id}-`));
  cpSync(c.dir, dir, { recursive: true });
  return dir;
}

export function read(c: GoldenCase, file: string): string {
  return readFileSync(join(c.dir, file), 'utf8');
}

/** The value of `-name` / `-name=value` / `--name value` in a recorded cfssl command, or null. */
export function flagValue(cmd: readonly string[], name: string): string | null {
  for (let i = 0; i < cmd.length; i++) {
    const a = cmd[i]!.replace(/^--?/, '-');
    if (a === `-${name}`) return cmd[i + 1] ?? null;
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
  }
  return null;
}

/** The positional arguments of a recorded command (everything after the flags, Go flag rules). */
export function positionals(cmd: readonly string[], booleanFlags = new Set(['initca', 'renewca', 'bare', 'stdout'])): string[] {
  let i = 1;
  while (i < cmd.length) {
    const a = cmd[i]!;
    if (a === '--') return cmd.slice(i + 1);
    if (!a.startsWith('-') || a === '-') break;
    const name = a.replace(/^--?/, '');
    i += name.includes('=') || booleanFlags.has(name) ? 1 : 2;
  }
  return cmd.slice(i);
}

/**
 * Error cases where cfssl-ts deliberately does better than the cfssl that recorded them (each is a row of
 * docs/compat.md): the recorded outcome they replace, and cfssl-ts's. Keyed by case id.
 */
const DELIBERATE_DIFFERENCES: ReadonlyMap<string, { recorded: GoldenCase['expect']; ours: GoldenCase['expect'] }> = new Map([
  [
    'gencert-without-ca-key-exits-0',
    { recorded: { exit: 0, error: null }, ours: { exit: 1, error: 'need a CA key (provide one with -ca-key)' } },
  ],
]);

/**
 * What cfssl-ts must do for an error case: the recorded outcome, or for a deliberate difference
 * cfssl-ts's own (after checking the recording still says what the difference replaces).
 */
export function expectedOutcome(c: Pick<GoldenCase, 'id' | 'expect'>): GoldenCase['expect'] {
  const difference = DELIBERATE_DIFFERENCES.get(c.id);
  if (difference === undefined) return c.expect;
  if (c.expect.exit !== difference.recorded.exit || c.expect.error !== difference.recorded.error) {
    throw new Error(`${c.id}: the recording no longer shows the difference docs/compat.md describes`);
  }
  return difference.ours;
}
