// cfssl-ts renew -within DURATION [-rekey] [-force] DIR (extension): re-issue the leaves that expire soon under the same CA.
import { resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { nodeCryptoBackend } from '@cfssl-ts/core/node';
import { LayoutError, readCaRotationState, reissueLeaves, type ReissuedLeaf } from '@cfssl-ts/layout';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { parseWithin } from './_layout/parse-within.js';
import { readDirectoryFiles } from './_layout/read-layout-directory.js';
import { filesAfter, layoutFailure, logLifetimeWarnings, shownPath, writeLayoutPlan } from './_layout/write-layout-plan.js';

const USAGE = `cfssl-ts renew -- re-issue the certificates of a directory that expire soon (cfssl-ts extension)
Usage of renew:
        cfssl-ts renew -within DURATION [-rekey] [-force] [-now T] DIR
Every leaf of DIR (a *.pem signed by ca.pem, with its <base>-csr.json) that expires within DURATION
(a Go duration or days: 720h, 30d; -within 0 or -force: every leaf) is signed again by ca.pem and
ca-key.pem, from its CSR JSON and with the ca-config.json profile it was signed with (the one whose
usages and expiry it has), as etcd-cert and k8s-cert signed it. Keys are kept unless -rekey. The
CA is never touched. All files are written or none; it prints each renewed certificate and its new
expiry, or that nothing was due.
Flags:
`;

const time = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function renewedLine(leaf: ReissuedLeaf, dir: string): string {
  const key = leaf.rekeyed ? `, new key ${leaf.file.replace(/\.pem$/, '-key.pem')}` : '';
  return `renewed   ${shownPath(dir, leaf.file)}: valid until ${time(leaf.notAfter)} (was ${time(leaf.previousNotAfter)}; profile ${leaf.profile === '' ? 'signing.default' : leaf.profile}${key})\n`;
}

async function renewMain(ctx: CommandContext): Promise<void> {
  const [dir, ...rest] = ctx.args;
  if (dir === undefined) throw new CfsslError('ERR_INPUT', 0, 'not enough arguments are supplied --- please refer to the usage');
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
  if (ctx.replay.serial !== null) throw new CfsslError('ERR_INPUT', 0, '-serial cannot be used here: renew may issue several certificates');
  const force = ctx.bool('force');
  if (!ctx.flags.set.has('within') && !force) {
    throw new CfsslError('ERR_INPUT', 0, 'renew needs -within DURATION (e.g. -within 30d; -within 0 renews every leaf) or -force');
  }
  const windowMs = ctx.flags.set.has('within') ? parseWithin(ctx.str('within')) : 0;
  const all = force || windowMs === 0;
  const shownDir = dir.replace(/\/+$/, '') || '/';
  const directory = resolve(ctx.io.cwd, dir);
  const { files } = await readDirectoryFiles(directory);
  const rotation = await readCaRotationState(files, ctx.crypto);
  if (rotation.phase !== 'none') {
    throw new CfsslError(
      'ERR_INPUT',
      0,
      `${shownDir}: ${rotation.description}; renew signs only outside a CA rotation (rotate-ca -reissue re-issues every leaf)\nnothing was written`,
    );
  }
  const now = ctx.replay.now ?? ctx.io.now();
  const rekey = ctx.bool('rekey');
  let result;
  try {
    result = await reissueLeaves(files, {
      crypto: ctx.crypto,
      now: () => now,
      backend: nodeCryptoBackend(),
      rekey,
      select: (leaf) => all || leaf.certificate.notAfter - now <= windowMs,
    });
  } catch (error) {
    if (error instanceof LayoutError) throw layoutFailure(error, shownDir);
    throw error;
  }
  const window = all ? 'every leaf' : `within ${ctx.str('within')}`;
  let out = '';
  for (const skip of result.skipped) out += `not renewed ${shownPath(shownDir, skip.file)}: ${skip.reason}\n`;
  if (result.reissued.length === 0) {
    ctx.io.writeStdout(`${out}${shownDir}: nothing to renew (no leaf expires ${all ? 'here' : window})\n`);
  } else {
    await writeLayoutPlan(result.files, { directory, dir: shownDir, force: rekey });
    for (const leaf of result.reissued) out += renewedLine(leaf, shownDir);
    const n = result.reissued.length;
    ctx.io.writeStdout(
      `${out}${shownDir}: ${n} certificate${n === 1 ? '' : 's'} renewed (${window}); restart what uses ${n === 1 ? 'it' : 'them'}\n`,
    );
    await logLifetimeWarnings(ctx, filesAfter(files, result.files), now);
  }
  if (result.skipped.length > 0) {
    throw new CfsslError('ERR_INPUT', 0, `${shownDir}: ${result.skipped.map((s) => s.file).join(', ')} not renewed`);
  }
}

export const renewCommand: CfsslCommand = {
  name: 'renew',
  usageText: USAGE,
  listedFlags: ['within', 'rekey', 'force', 'now'],
  main: renewMain,
};
