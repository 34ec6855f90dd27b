// cfssl-ts rotate-ca [-reissue | -finish] DIR (extension): replace a directory's CA in three phases, each rolled out member by member.
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { nodeCryptoBackend } from '@cfssl-ts/core/node';
import { LayoutError, planCaRotation, readCaRotationState, type CaRotationPlan, type CaRotationStep } from '@cfssl-ts/layout';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { readDirectoryFiles } from './_layout/read-layout-directory.js';
import { filesAfter, layoutFailure, logLifetimeWarnings, shownPath, writeLayoutPlan } from './_layout/write-layout-plan.js';

const USAGE = `cfssl-ts rotate-ca -- replace the CA of a directory without downtime, in three phases (cfssl-ts extension)
Usage of rotate-ca:
        cfssl-ts rotate-ca DIR            phase one: a new CA key and certificate from ca-csr.json; the old
                                          ones kept as ca-old.pem and ca-old-key.pem; ca.pem becomes the new
                                          CA followed by the old (trust both); leaves unchanged
        cfssl-ts rotate-ca -reissue DIR   phase two: every leaf re-issued under the new CA (keys kept)
        cfssl-ts rotate-ca -finish DIR    phase three: ca.pem holds the new CA alone; ca-old*.pem removed
After each phase copy the files to every member and restart the members one at a time, waiting
for each to be healthy; only then run the next phase. Each phase refuses to run out of order
and says which phase DIR is in (cfssl-ts check says it too). All files of a phase are written
or none.
Flags:
`;

const time = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function summary(step: CaRotationStep, plan: CaRotationPlan, dir: string): string {
  let out = '';
  for (const file of plan.files)
    out += `${(file.path === 'ca-old.pem' || file.path === 'ca-old-key.pem' ? 'created' : 'replaced').padEnd(9)} ${shownPath(dir, file.path)}\n`;
  for (const file of plan.remove) out += `${'removed'.padEnd(9)} ${shownPath(dir, file)}\n`;
  for (const leaf of plan.reissued) out += `${''.padEnd(9)} ${leaf.file}: signed by the new CA, valid until ${time(leaf.notAfter)}\n`;
  if (step === 'start') {
    return (
      `${out}${dir}: CA rotation phase one of three done: new CA valid until ${time(plan.newCa.notAfter)}; ca.pem trusts the new and the old CA.\n` +
      `Copy ca.pem to every member and restart them one at a time, then run: cfssl-ts rotate-ca -reissue ${dir}\n`
    );
  }
  if (step === 'reissue') {
    return (
      `${out}${dir}: CA rotation phase two of three done: ${plan.reissued.length} certificate${plan.reissued.length === 1 ? '' : 's'} re-issued under the new CA.\n` +
      `Copy them (with ca.pem) to every member and restart them one at a time, then run: cfssl-ts rotate-ca -finish ${dir}\n`
    );
  }
  return (
    `${out}${dir}: CA rotation done: ca.pem holds only the new CA; certificates of the old CA are no longer trusted.\n` +
    'Copy ca.pem to every member and restart them one at a time.\n'
  );
}

async function rotateCaMain(ctx: CommandContext): Promise<void> {
  const [dir, ...rest] = ctx.args;
  if (dir === undefined) throw new CfsslError('ERR_INPUT', 0, 'not enough arguments are supplied --- please refer to the usage');
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
  if (ctx.replay.serial !== null)
    throw new CfsslError('ERR_INPUT', 0, '-serial cannot be used here: a rotation issues several certificates');
  if (ctx.bool('reissue') && ctx.bool('finish'))
    throw new CfsslError('ERR_INPUT', 0, '-reissue and -finish are two phases: give one of them');
  const step: CaRotationStep = ctx.bool('reissue') ? 'reissue' : ctx.bool('finish') ? 'finish' : 'start';
  const shownDir = dir.replace(/\/+$/, '') || '/';
  const directory = resolve(ctx.io.cwd, dir);
  const { files } = await readDirectoryFiles(directory);
  const now = ctx.replay.now ?? ctx.io.now();
  let plan: CaRotationPlan;
  try {
    plan = await planCaRotation(files, step, { crypto: ctx.crypto, now: () => now, backend: nodeCryptoBackend() });
  } catch (error) {
    if (error instanceof LayoutError && error.code === 'ERR_LAYOUT_ROTATION_PHASE') {
      const { next } = await readCaRotationState(files, ctx.crypto);
      const command = next === null ? '' : ` (cfssl-ts rotate-ca${next === '' ? '' : ` ${next}`} ${shownDir})`;
      throw new CfsslError('ERR_INPUT', 0, `${shownDir}: ${error.problems.join('; ')}${command}\nnothing was written`, { cause: error });
    }
    if (error instanceof LayoutError) throw layoutFailure(error, shownDir);
    throw error;
  }
  if (plan.skipped.length > 0) {
    const lines = plan.skipped.map((s) => `  ${shownPath(shownDir, s.file)}: ${s.reason}`).join('\n');
    throw new CfsslError('ERR_INPUT', 0, `${shownDir}: these leaves of the old CA cannot be re-issued:\n${lines}\nnothing was written`);
  }
  // phase one replaces ca-key.pem with the new CA key (the old one is in the same plan as ca-old-key.pem)
  if (plan.files.length > 0) await writeLayoutPlan(plan.files, { directory, dir: shownDir, force: step === 'start' });
  for (const file of plan.remove) {
    try {
      await unlink(join(directory, file));
    } catch (error) {
      throw new CfsslError(
        'ERR_INPUT',
        0,
        `${formatGoPathError('remove', shownPath(shownDir, file), error)}\nca.pem holds only the new CA; run cfssl-ts rotate-ca -finish ${shownDir} again to remove the rest`,
        { cause: error },
      );
    }
  }
  ctx.io.writeStdout(summary(step, plan, shownDir));
  await logLifetimeWarnings(ctx, filesAfter(files, plan.files, plan.remove), now);
}

export const rotateCaCommand: CfsslCommand = {
  name: 'rotate-ca',
  usageText: USAGE,
  listedFlags: ['reissue', 'finish', 'now'],
  main: rotateCaMain,
};
