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
