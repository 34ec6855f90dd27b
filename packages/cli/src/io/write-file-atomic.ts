// Atomic file writes: a temporary file in the target's directory, fsync, then rename over the target.

import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AtomicWriteError, type AtomicWriteStep } from './atomic-write-error.js';
import { formatGoPathError } from './go-path-error.js';

/** The file-system calls the atomic writer makes (injectable for tests). */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'link' | 'unlink' | 'lstat'>;

/** One file for {@link writeFilesAtomic}. */
export interface AtomicFile {
  path: string;
  contents: Uint8Array | string;
  /** Permission bits of the new file (subject to the umask); default 0o644. */
  mode?: number;
  /** Overrides the call's `overwrite` for this file. */
  overwrite?: boolean;
}

/** Options of {@link writeFilesAtomic}. */
export interface WriteFilesAtomicOptions {
  /** Replace existing targets; when false an existing target is refused (`EEXIST_REFUSED`). */
  overwrite: boolean;
  fs?: AtomicWriteFs;
}

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions extends WriteFilesAtomicOptions {
  /** Permission bits of the new file (subject to the umask); default 0o644. */
  mode?: number;
}

const DEFAULT_MODE = 0o644;
// link() failures that mean "this file system cannot hard-link", not "the target exists"
const NO_LINK_SUPPORT = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function failure(step: AtomicWriteStep, path: string, error: unknown): AtomicWriteError {
  if (error instanceof AtomicWriteError) return error;
  return new AtomicWriteError('WRITE_FAILED', path, step, errnoOf(error), formatGoPathError(step, path, error), error);
}

function refusal(path: string): AtomicWriteError {
  return new AtomicWriteError('EEXIST_REFUSED', path, 'link', 'EEXIST', `refusing to overwrite existing file ${path}`);
}

async function lstatOrUndefined(fs: AtomicWriteFs, path: string): Promise<{ isDirectory(): boolean } | undefined> {
  try {
    return await fs.lstat(path);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT' || errno === 'ENOTDIR') return undefined; // creating the temp file will say why
    throw failure('lstat', path, error);
  }
}

async function removeQuietly(fs: AtomicWriteFs, paths: readonly string[]): Promise<void> {
  for (const path of paths) await fs.unlink(path).catch(() => undefined);
}

async function writeTemp(fs: AtomicWriteFs, file: AtomicFile): Promise<string> {
  const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(temp, 'wx', file.mode ?? DEFAULT_MODE);
  } catch (error) {
    throw failure('open', file.path, error);
  }
  let step: AtomicWriteStep = 'write';
  try {
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : file.contents;
    await handle.writeFile(bytes);
    step = 'sync';
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeQuietly(fs, [temp]);
    throw failure(step, file.path, error);
  }
  return temp;
}

// Move the finished temp file to its target; without overwrite, link() refuses an existing target atomically.
async function commit(fs: AtomicWriteFs, temp: string, target: string, overwrite: boolean): Promise<void> {
  if (!overwrite) {
    try {
      await fs.link(temp, target);
      await fs.unlink(temp).catch(() => undefined);
      return;
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') throw refusal(target);
      if (!NO_LINK_SUPPORT.has(errnoOf(error))) throw failure('link', target, error);
      if ((await lstatOrUndefined(fs, target)) !== undefined) throw refusal(target);
    }
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    throw failure('rename', target, error);
  }
}

async function syncDirectories(fs: AtomicWriteFs, paths: readonly string[]): Promise<void> {
  for (const directory of new Set(paths.map((path) => dirname(path)))) {
    try {
      const handle = await fs.open(directory, 'r');
      await handle.sync().finally(() => handle.close());
    } catch {
      // best effort: some platforms cannot fsync a directory
    }
  }
}

/**
 * Write several files so that either all of them appear or none does.
 *
 * Existing targets are checked first (a directory, or an existing file that may not be
 * overwritten, fails before anything is written); then every file is written to a temporary file
 * beside its target (created with `wx` and the final mode, then fsynced); only when all temporary
 * files exist are they renamed over their targets, in order. On any failure the temporary files
 * are removed, and targets this call had already created are removed again; a target that existed
 * before and was already replaced cannot be restored.
 *
 * @example
 * await writeFilesAtomic([
 *   { path: 'cert.pem', contents: certPem, mode: 0o644 },
 *   { path: 'cert-key.pem', contents: keyPem, mode: 0o600, overwrite: false },
 * ], { overwrite: true });
 */
export async function writeFilesAtomic(files: readonly AtomicFile[], options: WriteFilesAtomicOptions): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const overwriteOf = (file: AtomicFile): boolean => file.overwrite ?? options.overwrite;

  const existed: boolean[] = [];
  for (const file of files) {
    const stat = await lstatOrUndefined(fs, file.path);
    if (stat?.isDirectory() === true) {
      throw failure('open', file.path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    }
    if (stat !== undefined && !overwriteOf(file)) throw refusal(file.path);
    existed.push(stat !== undefined);
  }

  const temps: string[] = [];
  try {
    for (const file of files) temps.push(await writeTemp(fs, file));
  } catch (error) {
    await removeQuietly(fs, temps);
    throw error;
  }

  for (let i = 0; i < files.length; i++) {
    const file = files[i] as AtomicFile;
    try {
      await commit(fs, temps[i] as string, file.path, overwriteOf(file));
    } catch (error) {
      await removeQuietly(fs, temps.slice(i));
      await removeQuietly(
        fs,
        files.slice(0, i).flatMap((done, j) => (existed[j] === true ? [] : [done.path])),
      );
      throw error;
    }
  }
  await syncDirectories(fs, files.map((file) => file.path));
}

/**
 * Write one file atomically: a temporary file in the same directory (random name, created with
 * `wx` and the final mode), fsynced, then renamed over `path`. With `overwrite: false` an existing
 * target is refused with {@link AtomicWriteError} code `EEXIST_REFUSED`. The temporary file is
 * removed on any failure.
 *
 * @example
 * await writeFileAtomic('ca-key.pem', keyPem, { mode: 0o600, overwrite: false });
 */
export async function writeFileAtomic(
  path: string,
  contents: Uint8Array | string,
  options: WriteFileAtomicOptions,
): Promise<void> {
  const file: AtomicFile = { path, contents, overwrite: options.overwrite };
  if (options.mode !== undefined) file.mode = options.mode;
  await writeFilesAtomic([file], options);
}
