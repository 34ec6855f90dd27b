// Write a layout plan all or nothing, turning the writer's failures into the CLI's error (the file as the user names it).
import { rmdir, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { LayoutError, LayoutWriteError, checkLayout, type PlannedFile } from '@cfssl-ts/layout';
import { applyPlan, type LayoutFs } from '@cfssl-ts/layout/node';
import type { CommandContext } from '../cfssl-command.js';

/** `dir/file` as the user names it (`file` alone for the working directory). */
export function shownPath(dir: string, file: string): string {
  return dir === '.' || dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A LayoutError as the CLI prints it: the file under the user's directory, each problem, and that nothing was written. */
export function layoutFailure(error: LayoutError, dir: string): CfsslError {
  const where = shownPath(dir, error.file);
  const text =
    error.problems.length === 1 ? `${where}: ${error.problems[0]}` : `${where}:\n${error.problems.map((p) => `  ${p}`).join('\n')}`;
  return new CfsslError('ERR_INPUT', 0, `${text}\nnothing was written`, { cause: error });
}

/**
 * applyPlan into `directory` (the resolved path of `dir`, as the user gave it); a failure leaves the
 * directory as it was (and removes it when this call, or the caller as `madeDirectory` says, made it)
 * and becomes a plain CLI error.
 */
export async function writeLayoutPlan(
  files: readonly PlannedFile[],
  target: { directory: string; dir: string; force: boolean; fs?: LayoutFs | undefined; madeDirectory?: boolean },
): Promise<void> {
  const created = target.madeDirectory ?? !(await exists(target.directory));
  try {
    await applyPlan(files, { dir: target.directory, force: target.force, ...(target.fs === undefined ? {} : { fs: target.fs }) });
  } catch (error) {
    if (created) await rmdir(target.directory).catch(() => undefined);
    if (!(error instanceof LayoutWriteError)) throw error;
    // the file as the user names it (-dir and the file name), in Go's *os.PathError words
    const file = shownPath(target.dir, relative(target.directory, error.path));
    const detail =
      error.code === 'ERR_LAYOUT_EXISTS'
        ? `refusing to overwrite ${file}, which appeared while cfssl-ts was running`
        : formatGoPathError(error.step === 'lstat' ? 'open' : error.step, file, error.cause ?? error);
    throw new CfsslError('ERR_INPUT', 0, `${detail}\nnothing was written`, { cause: error });
  }
}

/**
 * The files of a directory after a plan is written: what was there, overlaid with the plan (and
 * without `removed`), for checks of the result before or without reading it back.
 */
export function filesAfter(
  existing: ReadonlyMap<string, Uint8Array>,
  plan: readonly PlannedFile[],
  removed: readonly string[] = [],
): Map<string, Uint8Array> {
  const out = new Map(existing);
  for (const file of plan) out.set(file.path, typeof file.contents === 'string' ? new TextEncoder().encode(file.contents) : file.contents);
  for (const file of removed) out.delete(file);
  return out;
}

/** Log, as warnings on stderr, what `cfssl-ts check` would warn about in `files` (a certificate outliving its CA). */
export async function logLifetimeWarnings(ctx: CommandContext, files: ReadonlyMap<string, Uint8Array>, now: number): Promise<void> {
  const result = await checkLayout(files, { now, crypto: ctx.crypto });
  for (const check of result.certificates) for (const warning of check.warnings) ctx.log.warning(warning);
}
