// etcd-cert, k8s-cert and layout: read the directory, build the layout, write it all or nothing, say what happened.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { LayoutError, buildLayout, layoutFileNames, readCaRotationState, type LayoutFileOutcome, type LayoutSpec } from '@cfssl-ts/layout';
import { removeStaleWriteFiles, type LayoutFs } from '@cfssl-ts/layout/node';
import type { CommandContext } from '../cfssl-command.js';
import { issuanceContext } from '../_internal/command-helpers.js';
import { goMkdirAll, MkdirAllError, type MkdirAllFs } from './go-mkdir-all.js';
import { readNamedFiles } from './read-layout-directory.js';
import { filesAfter, layoutFailure, logLifetimeWarnings, shownPath as shown, writeLayoutPlan } from './write-layout-plan.js';

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

// A CA rotation keeps two CA certificates in ca.pem: a layout run would take it for a broken CA and, forced, replace it.
async function refuseDuringRotation(
  directory: string,
  dir: string,
  spec: LayoutSpec,
  existing: ReadonlyMap<string, Uint8Array>,
  ctx: CommandContext,
): Promise<void> {
  if (spec.ca.base !== 'ca' || !existing.has('ca.pem')) return;
  const files = new Map([...existing, ...(await readNamedFiles(directory, ['ca-old.pem', 'ca-old-key.pem'], dir))]);
  const state = await readCaRotationState(files, ctx.crypto);
  if (state.phase === 'none' || state.phase === 'unreadable') return;
  const next =
    state.next === null ? 'fix the CA files' : `continue it with cfssl-ts rotate-ca${state.next === '' ? '' : ` ${state.next}`} ${dir}`;
  throw new CfsslError('ERR_INPUT', 0, `${dir}: ${state.description}; ${next} before re-running this command\nnothing was written`);
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
  await refuseDuringRotation(directory, target.dir, spec, existing, ctx);
  const { now: clock, backend } = issuanceContext(ctx);
  const now = clock();
  let build;
  try {
    build = await buildLayout(spec, existing, { force: target.force, crypto: ctx.crypto, now: () => now, backend });
  } catch (error) {
    if (error instanceof LayoutError) throw layoutFailure(error, target.dir);
    throw error;
  }
  for (const warning of build.warnings) ctx.log.warning(warning);

  if (build.files.length > 0) {
    const madeDirectory = !(await stat(directory).then(
      () => true,
      () => false,
    ));
    try {
      await goMkdirAll(target.dir, ctx.io.cwd, target.mkdirFs);
    } catch (error) {
      if (!(error instanceof MkdirAllError)) throw error;
      throw new CfsslError('ERR_INPUT', 0, `${error.message}\nnothing was written`, { cause: error });
    }
    await writeLayoutPlan(build.files, { directory, dir: target.dir, force: false, fs: target.fs, madeDirectory });
  } else {
    // applyPlan removes them before writing; a run that keeps every file still removes what a killed run left
    await removeStaleWriteFiles(layoutFileNames(spec), { dir: directory, ...(target.fs === undefined ? {} : { fs: target.fs }) });
  }
  ctx.io.writeStdout(report(build.outcomes, target.dir));
  // the set as written: a certificate that outlives its CA is warned about as check warns (the tutorial's CA lives 5 years, www 10)
  if (build.files.some((f) => f.kind === 'certificate')) await logLifetimeWarnings(ctx, filesAfter(existing, build.files), now);
  if (build.stale) {
    const stale = build.outcomes.filter((o) => o.action === 'stale').map((o) => o.file);
    throw new CfsslError(
      'ERR_INPUT',
      0,
      `${stale.join(', ')}: not as requested and kept as they are; run again with -force to rewrite them (existing keys are kept and reused)`,
    );
  }
}
