// etcd-cert, k8s-cert and layout: read the directory, build the layout, write it all or nothing, say what happened.
import { rmdir, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { LayoutError, LayoutWriteError, buildLayout, layoutFileNames, type LayoutFileOutcome, type LayoutSpec } from '@cfssl-ts/layout';
import { applyPlan, removeStaleWriteFiles, type LayoutFs } from '@cfssl-ts/layout/node';
import type { CommandContext } from '../cfssl-command.js';
import { issuanceContext } from '../_internal/command-helpers.js';
import { goMkdirAll, MkdirAllError, type MkdirAllFs } from './go-mkdir-all.js';
import { readNamedFiles } from './read-layout-directory.js';

/** Where and how {@link runLayout} writes. */
export interface LayoutTarget {
  /** The directory as the user gave it (relative to the working directory, or absolute). */
  dir: string;
  force: boolean;
  /** File-system calls of the writer (tests inject failures). */
  fs?: LayoutFs;
  /** File-system calls that make the directory (tests inject failures). */
  mkdirFs?: MkdirAllFs;
}

const ACTION_WIDTH = 9;

function shown(dir: string, file: string): string {
  return dir === '.' || dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}

function report(outcomes: readonly LayoutFileOutcome[], dir: string): string {
  let out = '';
  for (const o of outcomes) {
    out += `${o.action.padEnd(ACTION_WIDTH)} ${shown(dir, o.file)}\n`;
    for (const reason of o.reasons) out += `${' '.repeat(ACTION_WIDTH + 3)}${reason}\n`;
  }
  const count = (action: string): number => outcomes.filter((o) => o.action === action).length;
  const parts = (['created', 'replaced', 'kept', 'stale'] as const).filter((a) => count(a) > 0).map((a) => `${count(a)} ${a}`);
  return `${out}${dir}: ${parts.join(', ')}\n`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function layoutFailure(error: LayoutError, dir: string): CfsslError {
  const where = shown(dir, error.file);
  const text =
    error.problems.length === 1 ? `${where}: ${error.problems[0]}` : `${where}:\n${error.problems.map((p) => `  ${p}`).join('\n')}`;
  return new CfsslError('ERR_INPUT', 0, `${text}\nnothing was written`, { cause: error });
}

/**
 * Bring `target.dir` in line with `spec`: keep what matches, create what is missing, replace what
 * differs only under `force` (keys are always kept), print one line per file on stdout. Exits 1
 * (a plain error) when something stale was kept, or when nothing could be written.
 */
export async function runLayout(ctx: CommandContext, spec: LayoutSpec, target: LayoutTarget): Promise<void> {
  if (ctx.replay.serial !== null) {
    throw new CfsslError('ERR_INPUT', 0, '-serial cannot be used here: a layout issues several certificates');
  }
  const directory = resolve(ctx.io.cwd, target.dir);
  const existing = await readNamedFiles(directory, layoutFileNames(spec), target.dir);
  let build;
  try {
    const { now, backend } = issuanceContext(ctx);
    build = await buildLayout(spec, existing, { force: target.force, crypto: ctx.crypto, now, backend });
  } catch (error) {
    if (error instanceof LayoutError) throw layoutFailure(error, target.dir);
    throw error;
  }
  for (const warning of build.warnings) ctx.log.warning(warning);

  if (build.files.length > 0) {
    const created = !(await exists(directory));
    try {
      await goMkdirAll(target.dir, ctx.io.cwd, target.mkdirFs);
    } catch (error) {
      if (!(error instanceof MkdirAllError)) throw error;
      throw new CfsslError('ERR_INPUT', 0, `${error.message}\nnothing was written`, { cause: error });
    }
    try {
      await applyPlan(build.files, { dir: directory, ...(target.fs === undefined ? {} : { fs: target.fs }) });
    } catch (error) {
      if (created) await rmdir(directory).catch(() => undefined);
      if (!(error instanceof LayoutWriteError)) throw error;
      // the file as the user names it (-dir and the file name), in Go's *os.PathError words
      const file = shown(target.dir, relative(directory, error.path));
      const detail =
        error.code === 'ERR_LAYOUT_EXISTS'
          ? `refusing to overwrite ${file}, which appeared while cfssl-ts was running`
          : formatGoPathError(error.step === 'lstat' ? 'open' : error.step, file, error.cause ?? error);
      throw new CfsslError('ERR_INPUT', 0, `${detail}\nnothing was written`, { cause: error });
    }
  } else {
    // applyPlan removes them before writing; a run that keeps every file still removes what a killed run left
    await removeStaleWriteFiles(layoutFileNames(spec), { dir: directory, ...(target.fs === undefined ? {} : { fs: target.fs }) });
  }
  ctx.io.writeStdout(report(build.outcomes, target.dir));
  if (build.stale) {
    const stale = build.outcomes.filter((o) => o.action === 'stale').map((o) => o.file);
    throw new CfsslError(
      'ERR_INPUT',
      0,
      `${stale.join(', ')}: not as requested and kept as they are; run again with -force to rewrite them (existing keys are kept and reused)`,
    );
  }
}
