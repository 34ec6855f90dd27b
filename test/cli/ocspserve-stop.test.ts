// ocspserve stops as serve does (docs/cli.md): SIGTERM ends it with status 0, not by the signal (143).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';

describe('cfssl-ts ocspserve on SIGTERM', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocspserve-stop-'));
    writeFileSync(join(dir, 'responses'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0', async () => {
    const server = await startCfsslTsServe(['-responses', 'responses'], dir, 'ocspserve');
    expect(await server.stop()).toBe(0);
  });
});
