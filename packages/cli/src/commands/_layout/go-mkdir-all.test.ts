import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failingNthCall } from '@cfssl-ts/test-support/failing-fs';
import { goMkdirAll, MkdirAllError } from './go-mkdir-all.js';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'go-mkdir-all-'));
  writeFileSync(join(cwd, 'afile'), 'x');
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

async function failure(promise: Promise<void>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MkdirAllError) return error.message;
    throw error;
  }
  throw new Error('expected a failure');
}

// Expected texts: Go 1.19 os.MkdirAll on Linux for the same paths.
describe('goMkdirAll (Go os.MkdirAll)', () => {
  it('makes missing parents and accepts an existing directory, trailing slash or not', async () => {
    await goMkdirAll('a/b/c/', cwd);
    expect(statSync(join(cwd, 'a', 'b', 'c')).isDirectory()).toBe(true);
    await goMkdirAll('a/b', cwd);
    await goMkdirAll('./a/b/.', cwd);
    await goMkdirAll(join(cwd, 'abs'), '/');
    expect(existsSync(join(cwd, 'abs'))).toBe(true);
  });

  it.each([
    ['afile', 'mkdir afile: not a directory'],
    ['afile/sub', 'mkdir afile: not a directory'],
    ['afile/sub/deeper', 'mkdir afile: not a directory'],
  ])('a file in the way of %s: %s', async (path, message) => {
    expect(await failure(goMkdirAll(path, cwd))).toBe(message);
  });

  it('names the directory whose mkdir failed, with its cause (EROFS injected on the first mkdir)', async () => {
    expect(await failure(goMkdirAll('x/y/z', cwd, failingNthCall('mkdir', 1, 'EROFS')))).toBe('mkdir x: read-only file system');
    expect(await failure(goMkdirAll('a/new/z', cwd, failingNthCall('mkdir', 1, 'EACCES')))).toBe('mkdir a/new: permission denied');
  });
});
