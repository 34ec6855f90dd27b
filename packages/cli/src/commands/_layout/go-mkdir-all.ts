// Go os.MkdirAll, so a failure names the directory that could not be made with the real cause: Node's
// recursive mkdir reports ENOENT for the target when a parent is on a read-only file system, and
// EEXIST when a file is in the way.
import * as nodeFs from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatGoPathError } from '@cfssl-ts/core/go';

/** The calls {@link goMkdirAll} makes (tests inject failures). */
export type MkdirAllFs = Pick<typeof nodeFs, 'stat' | 'lstat' | 'mkdir'>;

/** A failed {@link goMkdirAll}: Go's `*os.PathError` text, e.g. `mkdir etcd-cert: read-only file system`. */
export class MkdirAllError extends Error {
  override readonly name = 'MkdirAllError';
}

async function isDirectory(fs: MkdirAllFs, path: string, follow: boolean): Promise<boolean | null> {
  try {
    return (await (follow ? fs.stat(path) : fs.lstat(path))).isDirectory();
  } catch {
    return null;
  }
}

/**
 * Go `os.MkdirAll(path, 0o777)`: `path` (as the user gave it, relative to `cwd`) and any missing
 * parents. Throws {@link MkdirAllError} naming the first directory that could not be made, as Go
 * does: a file in the way of `a/b` is `mkdir a: not a directory`.
 *
 * @example
 * await goMkdirAll('etcd-cert', process.cwd()); // on a read-only mount: mkdir etcd-cert: read-only file system
 */
export async function goMkdirAll(path: string, cwd: string, fs: MkdirAllFs = nodeFs): Promise<void> {
  const existing = await isDirectory(fs, resolve(cwd, path), true);
  if (existing === true) return;
  if (existing === false) throw new MkdirAllError(formatGoPathError('mkdir', path, { code: 'ENOTDIR' }));
  let i = path.length;
  while (i > 0 && path[i - 1] === '/') i--;
  let j = i;
  while (j > 0 && path[j - 1] !== '/') j--;
  if (j > 1) await goMkdirAll(path.slice(0, j - 1), cwd, fs);
  try {
    await fs.mkdir(resolve(cwd, path), 0o777);
  } catch (error) {
    // Go double-checks: "foo/." or a directory made meanwhile is success
    if ((await isDirectory(fs, resolve(cwd, path), false)) === true) return;
    throw new MkdirAllError(formatGoPathError('mkdir', path, error), { cause: error });
  }
}
