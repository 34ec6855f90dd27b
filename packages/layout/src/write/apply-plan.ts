// The layout writer (Node adapter): temp file + rename per target, all files or none, keys never replaced unless forced.

import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatGoPathError } from '@cfssl-ts/core/go';
import type { PlannedFile } from '../planned-file.js';
import { forgetInFlight, trackInFlight } from './in-flight-files.js';
import { LayoutWriteError, type LayoutWriteStep } from './layout-write-error.js';
import { siblingTarget } from '../_internal/sibling-target.js';
import { siblingName } from './sibling-names.js';

/** The file-system calls {@link applyPlan} makes (injectable, so tests can fail any of them; `mkdir` defaults to node's). */
export type LayoutFs = Pick<typeof nodeFs, 'open' | 'rename' | 'link' | 'unlink' | 'lstat' | 'copyFile' | 'readdir'> &
  Partial<Pick<typeof nodeFs, 'mkdir'>>;

/** Options of {@link applyPlan}. */
export interface ApplyPlanOptions {
  /** Directory relative paths resolve against, created with its parents when missing (as the CLI does); default the working directory. */
  dir?: string;
  /** Replace existing private keys too (cfssljson-ts `-force`). */
  force?: boolean;
  fs?: LayoutFs;
  /** The time stale temporary files are judged at (ms since epoch); default Date.now(). */
  now?: number;
}

/**
 * A temporary or backup file of ours older than this is left over from a run that was killed; younger ones may
 * belong to a run writing right now. A live one exists only from its creation to its rename a few milliseconds
 * later (one small write and an fsync), so a minute is far beyond any run still writing.
 */
export const STALE_SIBLING_MS = 60_000;

// link() failures that mean "this file system cannot hard-link", not "the target exists"
const NO_LINK_SUPPORT = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

interface Target {
  file: PlannedFile;
  path: string;
  overwrite: boolean;
  temp?: string;
  /** A hard link (or copy) of the replaced target, restored if a later file fails. */
  backup?: string;
  /** Whether this call made the target appear (it is removed again on failure). */
  created?: boolean;
}

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function failure(step: LayoutWriteStep, path: string, error: unknown): LayoutWriteError {
  if (error instanceof LayoutWriteError) return error;
  return new LayoutWriteError('ERR_LAYOUT_WRITE', path, step, errnoOf(error), formatGoPathError(step, path, error), error);
}

function refusal(path: string): LayoutWriteError {
  return new LayoutWriteError('ERR_LAYOUT_EXISTS', path, 'link', 'EEXIST', `refusing to overwrite existing file ${path}`);
}

async function lstatOrUndefined(fs: LayoutFs, path: string): Promise<{ isDirectory(): boolean } | undefined> {
  try {
    return await fs.lstat(path);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT' || errno === 'ENOTDIR') return undefined; // creating the temp file will say why
    throw failure('lstat', path, error);
  }
}

async function removeQuietly(fs: LayoutFs, paths: ReadonlyArray<string | undefined>): Promise<void> {
  for (const path of paths) {
    if (path === undefined) continue;
    await fs.unlink(path).catch(() => undefined);
    forgetInFlight(path);
  }
}

/**
 * Remove the temporary and backup files of this writer's naming (`.<file>.<12 hex>.tmp`, `.bak`) for
 * `paths` that are older than {@link STALE_SIBLING_MS}: what {@link applyPlan} does before writing,
 * for a run that has nothing to write. Best effort: a file that cannot be listed or removed is left
 * for `cfssl-ts check` to report.
 *
 * @example
 * await removeStaleWriteFiles(['ca.pem', 'ca-key.pem'], { dir: 'etcd-cert' });
 */
export async function removeStaleWriteFiles(paths: readonly string[], options: Omit<ApplyPlanOptions, 'force'> = {}): Promise<void> {
  const resolved = paths.map((path) => resolve(options.dir ?? '.', path));
  await removeStaleSiblings(options.fs ?? nodeFs, resolved, options.now ?? Date.now());
}

async function removeStaleSiblings(fs: LayoutFs, paths: readonly string[], now: number): Promise<void> {
  for (const directory of new Set(paths.map((path) => dirname(path)))) {
    const targets = new Set(paths.filter((path) => dirname(path) === directory).map((path) => basename(path)));
    let names: string[];
    try {
      names = await fs.readdir(directory);
    } catch {
      continue;
    }
    for (const name of names) {
      const target = siblingTarget(name);
      if (target === null || !targets.has(target)) continue;
      const path = join(directory, name);
      try {
        const stat = await fs.lstat(path);
        if (stat.isFile() && now - stat.mtimeMs > STALE_SIBLING_MS) await fs.unlink(path);
      } catch {
        // gone meanwhile, or not ours to remove
      }
    }
  }
}

async function writeTemp(fs: LayoutFs, target: Target): Promise<void> {
  const temp = siblingName(target.path, 'tmp');
  let handle: nodeFs.FileHandle;
  trackInFlight(temp);
  try {
    handle = await fs.open(temp, 'wx', target.file.mode);
  } catch (error) {
    forgetInFlight(temp);
    throw failure('open', target.path, error);
  }
  target.temp = temp;
  let step: LayoutWriteStep = 'write';
  try {
    const contents = target.file.contents;
    await handle.writeFile(typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
    step = 'sync';
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw failure(step, target.path, error);
  }
}

// Keep the current target under a sibling name so a later failure can put it back.
async function backUp(fs: LayoutFs, target: Target): Promise<void> {
  const backup = siblingName(target.path, 'bak');
  trackInFlight(backup, target.path);
  try {
    await fs.link(target.path, backup);
  } catch (error) {
    if (!NO_LINK_SUPPORT.has(errnoOf(error))) {
      forgetInFlight(backup);
      throw failure('link', target.path, error);
    }
    try {
      await fs.copyFile(target.path, backup, nodeFs.constants.COPYFILE_EXCL);
    } catch (copyError) {
      forgetInFlight(backup);
      throw failure('link', target.path, copyError);
    }
  }
  target.backup = backup;
}

// Move the finished temp file to its target; link() refuses an existing target atomically.
async function commit(fs: LayoutFs, target: Target): Promise<void> {
  const temp = target.temp as string;
  let exists = false;
  try {
    await fs.link(temp, target.path);
    target.created = true;
    trackInFlight(target.path);
    await removeQuietly(fs, [temp]);
    target.temp = undefined;
    return;
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'EEXIST') exists = true;
    else if (!NO_LINK_SUPPORT.has(errno)) throw failure('link', target.path, error);
    else exists = (await lstatOrUndefined(fs, target.path)) !== undefined;
  }
  if (exists && !target.overwrite) throw refusal(target.path);
  if (exists) await backUp(fs, target);
  try {
    await fs.rename(temp, target.path);
  } catch (error) {
    throw failure('rename', target.path, error);
  }
  forgetInFlight(temp);
  target.temp = undefined;
  target.created = !exists;
  if (target.created) trackInFlight(target.path);
}

// Undo every committed target: restore replaced files from their backups, remove created ones.
async function rollBack(fs: LayoutFs, targets: readonly Target[]): Promise<void> {
  for (const target of [...targets].reverse()) {
    if (target.created === true) await removeQuietly(fs, [target.path]);
    else if (target.created === false && target.backup !== undefined) {
      await fs.rename(target.backup, target.path).catch(() => undefined);
      forgetInFlight(target.backup);
      target.backup = undefined;
    }
    await removeQuietly(fs, [target.temp, target.backup]);
  }
}

async function syncDirectories(fs: LayoutFs, paths: readonly string[]): Promise<void> {
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
 * Write a plan so that either every file appears or the directory is left as it was.
 *
 * Targets are checked first: a directory in the way, or an existing private key (kind
 * `private-key`) without `force`, fails before anything is written. Every file is then written to
 * a temporary file beside its target (created `wx` with the final mode, fsynced). Only when all
 * exist are they moved into place, in order: a new target with `link()` (so a file that appeared
 * meanwhile is never clobbered silently), a replaced one with `rename()` after keeping a backup.
 * On any failure, temporary files are removed, created targets are removed and replaced targets
 * are restored from their backups. A later entry with the same path replaces an earlier one.
 *
 * Files on disk only while the plan is written (temporary files, backups, targets created so far)
 * are registered for `removeInFlightFiles()`, which a SIGINT/SIGTERM handler calls. Before writing,
 * temporary and backup files of this writer's naming for the same targets that are older than
 * {@link STALE_SIBLING_MS} (left by a run that was killed) are removed.
 *
 * @example
 * await applyPlan([
 *   { path: 'ca.pem', contents: certPem, mode: 0o644, kind: 'certificate' },
 *   { path: 'ca-key.pem', contents: keyPem, mode: 0o600, kind: 'private-key' },
 * ], { dir: 'etcd-cert' });
 */
export async function applyPlan(files: readonly PlannedFile[], options: ApplyPlanOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  if (options.dir !== undefined) {
    // Go os.MkdirAll(dir, 0o777) before the files, as `cfssl-ts etcd-cert` makes its directory.
    try {
      await (fs.mkdir ?? nodeFs.mkdir)(options.dir, { recursive: true, mode: 0o777 });
    } catch (error) {
      throw failure('mkdir', options.dir, error);
    }
  }
  const byPath = new Map<string, Target>();
  for (const file of files) {
    const path = resolve(options.dir ?? '.', file.path);
    byPath.delete(path);
    byPath.set(path, { file, path, overwrite: file.kind !== 'private-key' || options.force === true });
  }
  const targets = [...byPath.values()];
  await removeStaleSiblings(fs, [...byPath.keys()], options.now ?? Date.now());

  for (const target of targets) {
    const stat = await lstatOrUndefined(fs, target.path);
    if (stat?.isDirectory() === true) {
      throw failure('open', target.path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    }
    if (stat !== undefined && !target.overwrite) throw refusal(target.path);
  }

  try {
    for (const target of targets) await writeTemp(fs, target);
    for (const target of targets) await commit(fs, target);
  } catch (error) {
    await rollBack(fs, targets);
    throw error;
  }
  // committed: a signal from here on must not undo the new files, only drop the backups
  for (const target of targets) {
    forgetInFlight(target.path);
    if (target.backup !== undefined) trackInFlight(target.backup);
  }
  await removeQuietly(
    fs,
    targets.map((target) => target.backup),
  );
  await syncDirectories(
    fs,
    targets.map((target) => target.path),
  );
}
