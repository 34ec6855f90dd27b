import { describe, expect, it } from 'vitest';
import { findMachinePaths } from '../../scripts/check-portable-paths.mjs';

// Paths are assembled at run time so that this file does not trip the check it tests.
const home = ['', 'home', 'dev', 'corpus'].join('/');
const shared = ['..', 'shared', 'golden'].join('/');

describe('check-portable-paths', () => {
  const scan = (file: string, text: string): string[] => findMachinePaths([file], () => text);

  it('flags absolute machine paths and the shared folder in sources, tests and scripts', () => {
    expect(scan('packages/core/src/a.test.ts', `const G = '${home}/x';`)).toEqual([
      `packages/core/src/a.test.ts:1: const G = '${home}/x';`,
    ]);
    expect(scan('test/b.test.ts', `\n  readFileSync(\`${shared}/case.json\`)`)).toHaveLength(1);
    expect(scan('scripts/c.mjs', `cd ${home}`)).toHaveLength(1);
  });

  it('accepts repository-relative paths, temp dirs and system tools', () => {
    expect(scan('test/b.test.ts', "join(REPO_ROOT, 'fixtures', 'golden'); tmpdir(); '/usr/bin/chromium'; '/etc/ssl/certs'")).toEqual([]);
  });

  it('ignores files outside the scanned folders', () => {
    expect(scan('fixtures/golden/README.md', ` ${home}/x`)).toEqual([]);
    expect(scan('docs/guide.md', ` ${home}/x`)).toHaveLength(1);
  });
});
