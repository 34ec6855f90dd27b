// The published declarations need no DOM lib: a consumer with lib ES2022, @types/node and skipLibCheck false
// type-checks against the built packages (packages/*/dist, as `npm test` builds them first).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { describe, expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function typeCheck(project: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('declarations without the DOM lib', () => {
  it('a Node consumer (lib ES2022 only, skipLibCheck false) type-checks against dist', () => {
    const result = typeCheck(join(REPO_ROOT, 'test', 'core', 'no-dom-consumer'));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
