// cfssl-ts check DIR (extension): a certificate directory checked as etcd, kube-apiserver and kubectl will check it.
import { resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { checkLayout, type CertificateCheck, type LayoutCheck } from '@cfssl-ts/layout';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { readDirectoryFiles } from './_layout/read-layout-directory.js';

const USAGE = `cfssl-ts check -- check a certificate directory before etcd or Kubernetes does (cfssl-ts extension)

Usage of check:
        cfssl-ts check DIR

For ca.pem and every other *.pem (not *-key.pem, *-bundle.pem, *-root.pem) in DIR: does it chain
to ca.pem, does <base>-key.pem match it, is it valid for every host of <base>-csr.json (Go's
"x509: certificate is valid for X, not Y" is caught here), do its usages allow its role (peer:
serverAuth and clientAuth; server: serverAuth; client: clientAuth; by name, else by its usages and
hosts, as cfssl-ts layout assigns them), and how many days are left. A server or peer certificate
without SANs is a problem. So is a temporary or backup file of cfssl-ts's writer left by a killed run (.<file>.<12
hex>.tmp or .bak, possibly a copy of a private key), and a *.pem or *-csr.json entry that is not a
file (FIFO, directory, device, symbolic link loop). Exits 1 on any problem.

Flags:
`;

function describe(check: CertificateCheck, dir: string): string {
  const role = check.role === 'ca' ? 'CA' : check.role;
  let out = `${dir}/${check.file} (${role})${check.subject === '' ? '' : ` ${check.subject}`}\n`;
  for (const note of check.notes) out += `  ok       ${note}\n`;
  for (const problem of check.problems) out += `  PROBLEM  ${problem}\n`;
  return out;
}

function render(result: LayoutCheck, dir: string): string {
  let out = '';
  for (const problem of result.problems) out += `${dir}: PROBLEM ${problem}\n`;
  for (const check of result.certificates) out += describe(check, dir);
  const n = result.certificates.length;
  const verdict = result.problemCount === 0 ? 'no problems' : `${result.problemCount} problem${result.problemCount === 1 ? '' : 's'}`;
  return `${out}${dir}: ${n} certificate${n === 1 ? '' : 's'}, ${verdict}\n`;
}

async function checkMain(ctx: CommandContext): Promise<void> {
  const [dir, ...rest] = ctx.args;
  if (dir === undefined) throw new CfsslError('ERR_INPUT', 0, 'not enough arguments are supplied --- please refer to the usage');
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
  const { files, unreadable } = await readDirectoryFiles(resolve(ctx.io.cwd, dir));
  const result = await checkLayout(files, { now: ctx.replay.now ?? ctx.io.now(), crypto: ctx.crypto, unreadable });
  const shownDir = dir.replace(/\/+$/, '') || '/';
  ctx.io.writeStdout(render(result, shownDir));
  if (result.problemCount > 0) {
    throw new CfsslError('ERR_INPUT', 0, `${shownDir}: ${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} found`);
  }
}

export const checkCommand: CfsslCommand = {
  name: 'check',
  usageText: USAGE,
  listedFlags: ['now'],
  main: checkMain,
};
