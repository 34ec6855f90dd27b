// @cfssl-ts/core must run on any WebCrypto runtime: no Node built-ins, no process, no console, no fs.
// The one exception is the `@cfssl-ts/core/node` entry (src/node/), which may import node: modules (and use Buffer).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

const NODE_ENTRY = join(SRC, 'node');
const NODE_ENTRY_MAY = new Set(['imports a node: module', 'uses Node Buffer']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testdata' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+['"]node:/, 'imports a node: module'],
  [/from\s+['"](fs|path|os|crypto|child_process|buffer|util|stream)['"]/, 'imports a Node built-in'],
  [/\brequire\(/, 'uses require()'],
  [/\bprocess\./, 'touches process'],
  [/\bconsole\./, 'writes to the console'],
  [/\bBuffer\./, 'uses Node Buffer'],
];

describe('core purity', () => {
  const files = sources(SRC);
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  it.each(files.map((f) => [relative(SRC, f), f]))('%s uses no Node-only API', (_name, file) => {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const nodeEntry = file.startsWith(NODE_ENTRY + sep);
    for (const [re, what] of FORBIDDEN) {
      if (nodeEntry && NODE_ENTRY_MAY.has(what)) continue;
      expect(re.test(code), `${file} ${what}`).toBe(false);
    }
  });
  it('keeps node: imports under src/node/ only, and the main entry away from it', () => {
    const nodeFiles = files.filter((f) => f.startsWith(NODE_ENTRY + sep));
    expect(nodeFiles.length).toBeGreaterThan(0);
    for (const file of files.filter((f) => !nodeFiles.includes(f))) {
      expect(/from\s+['"]\.{1,2}\/(\.\.\/)*node\//.test(readFileSync(file, 'utf8')), `${file} imports src/node/`).toBe(false);
    }
  });
});
