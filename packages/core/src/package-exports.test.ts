// Every subpath of @cfssl-ts/core's package.json names a source entry that tsc compiles to it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, { types: string; default: string }>;
};

describe('@cfssl-ts/core exports', () => {
  it('has the main entry, ./bundle and ./node', () => {
    expect(Object.keys(manifest.exports)).toEqual(expect.arrayContaining(['.', './bundle', './node']));
  });
  it.each(Object.entries(manifest.exports))('%s maps to a compiled source entry', (_subpath, entry) => {
    expect(entry.default).toMatch(/^\.\/dist\/.+\.js$/);
    expect(entry.types).toBe(entry.default.replace(/\.js$/, '.d.ts'));
    const source = entry.default.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
    expect(existsSync(new URL(source, new URL('../', import.meta.url))), source).toBe(true);
  });
});
