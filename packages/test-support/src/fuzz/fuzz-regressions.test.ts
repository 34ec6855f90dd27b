// The saved fuzz failures are well formed: each folder is a known target, each file names its folder's target
// and holds an input the codec reads, so that the suites replaying them never skip one silently.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../repo-paths.js';
import { decodeFuzzInput, encodeFuzzInput } from './fuzz-input-codec.js';
import type { FuzzRegression } from './fuzz-regressions.js';
import { FUZZ_TARGETS } from './fuzz-targets.js';

const root = fixturePath('fuzz-regressions');
const folders = existsSync(root) ? readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory()) : [];

describe('fixtures/fuzz-regressions', () => {
  it('has a README saying how the files are made', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('pnpm fuzz');
  });

  it.each(folders)('%s is a fuzz target, and its files are saved failures of it', (folder) => {
    expect(FUZZ_TARGETS).toContain(folder);
    const files = readdirSync(join(root, folder));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f).toMatch(/^[0-9a-f]{16}\.json$/);
      const saved = JSON.parse(readFileSync(join(root, folder, f), 'utf8')) as FuzzRegression;
      expect([f, saved.target, typeof saved.seed, typeof saved.path, typeof saved.error]).toEqual([
        f,
        folder,
        'number',
        'string',
        'string',
      ]);
      expect(encodeFuzzInput(decodeFuzzInput(saved.input))).toEqual(saved.input);
    }
  });
});

describe('fuzz input codec', () => {
  it('keeps bytes, bigints, text and nested JSON', () => {
    const input = { der: Uint8Array.of(0, 255), ns: -(1n << 63n), text: 'a\u0000é', list: [1, null, true, -0.5] };
    expect(encodeFuzzInput(input)).toEqual({
      der: { $hex: '00ff' },
      ns: { $bigint: '-9223372036854775808' },
      text: 'a\u0000é',
      list: [1, null, true, -0.5],
    });
    expect(decodeFuzzInput(JSON.parse(JSON.stringify(encodeFuzzInput(input))))).toEqual(input);
  });
});
