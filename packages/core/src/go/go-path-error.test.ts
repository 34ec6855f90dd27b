import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatGoPathError, goErrnoText } from './go-path-error.js';

describe('formatGoPathError (Go *os.PathError text)', () => {
  it('formats a missing file as real cfssljson prints it ("Failed to read input: open nofile: ...")', async () => {
    const error = await readFile('/nonexistent-dir-for-test/nofile').catch((e: unknown) => e);
    expect(formatGoPathError('open', 'nofile', error)).toBe('open nofile: no such file or directory');
  });

  it('formats reading a directory as Go does ("read /tmp: is a directory")', async () => {
    const error = await readFile('/tmp').catch((e: unknown) => e);
    expect(formatGoPathError('read', '/tmp', error)).toBe('read /tmp: is a directory');
  });

  it('uses Go errno texts', () => {
    expect(goErrnoText('EACCES')).toBe('permission denied');
    expect(goErrnoText('ENOTDIR')).toBe('not a directory');
    expect(goErrnoText('EROFS')).toBe('read-only file system');
    expect(goErrnoText('EWHATEVER')).toBeUndefined();
  });

  it("falls back to Node's description for codes it does not know", () => {
    const error = Object.assign(new Error("ECUSTOM: something odd happened, open 'x'"), { code: 'ECUSTOM' });
    expect(formatGoPathError('open', 'x', error)).toBe('open x: something odd happened');
  });
});
