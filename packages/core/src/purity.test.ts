// @cfssl-ts/core must run on any WebCrypto runtime: no Node built-ins, no process, no console, no fs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

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
    for (const [re, what] of FORBIDDEN) expect(re.test(code), `${file} ${what}`).toBe(false);
  });
});
