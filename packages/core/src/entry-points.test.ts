// Packaging: every subpath of package.json "exports" exists after the build (pnpm run build), and the
// Go kit (@cfssl-ts/core/go) and the node:crypto backend (@cfssl-ts/core/node) stay out of the main entry,
// which keeps the PKI API.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE = join(__dirname, '..');
const ALL_EXPORTS = (
  JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
  }
).exports;
// the code entries; "./package.json" maps to the manifest itself
const EXPORTS = Object.fromEntries(
  Object.entries(ALL_EXPORTS).filter((e): e is [string, { types: string; default: string }] => typeof e[1] !== 'string'),
);

async function entry(subpath: string): Promise<Record<string, unknown>> {
  const target = EXPORTS[subpath];
  if (target === undefined) throw new Error(`no ${subpath} in package.json exports`);
  return (await import(pathToFileURL(join(PACKAGE, target.default)).href)) as Record<string, unknown>;
}

describe('@cfssl-ts/core entry points', () => {
  it.each(Object.entries(EXPORTS))('%s has its types and its module', (_subpath, target) => {
    expect(existsSync(join(PACKAGE, target.types)), target.types).toBe(true);
    expect(existsSync(join(PACKAGE, target.default)), target.default).toBe(true);
  });

  it('exports ./package.json, and nothing else as a plain path', () => {
    expect(Object.entries(ALL_EXPORTS).filter((e) => typeof e[1] === 'string')).toEqual([['./package.json', './package.json']]);
  });

  it('exports the Go kit from ./go only', async () => {
    const main = Object.keys(await entry('.'));
    const go = await entry('./go');
    expect(main.filter((name) => name in go)).toEqual([]);
    expect(main.filter((name) => /^go[A-Z]|Go/.test(name))).toEqual([]);
    expect(Object.keys(go)).toEqual(
      expect.arrayContaining(['unmarshalGoJson', 'goStructType', 'marshalGoJson', 'parseGoDuration', 'formatGoPathError']),
    );
  });

  it('exports the node:crypto backend from ./node only', async () => {
    const main = Object.keys(await entry('.'));
    expect(Object.keys(await entry('./node'))).toEqual(['nodeCryptoBackend']);
    expect(main).not.toContain('nodeCryptoBackend');
  });
});
