// cfssl-ts check [-within D] [-format json] DIR (extension): a certificate directory checked as etcd, kube-apiserver and kubectl will check it.
import { resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { checkLayout, type CaRotationState, type CertificateCheck, type LayoutCheck } from '@cfssl-ts/layout';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { parseWithin } from './_layout/parse-within.js';
import { readDirectoryFiles } from './_layout/read-layout-directory.js';

const USAGE = `cfssl-ts check -- check a certificate directory before etcd or Kubernetes does (cfssl-ts extension)
Usage of check:
        cfssl-ts check [-within DURATION] [-format json] DIR
For ca.pem and every other *.pem (not *-key.pem, *-bundle.pem, *-root.pem) in DIR: does it chain
to ca.pem, does <base>-key.pem match it, is it valid for every host of <base>-csr.json (Go's
"x509: certificate is valid for X, not Y" is caught here), do its usages allow its role (peer:
serverAuth and clientAuth; server: serverAuth; client: clientAuth; by name, else by its usages and
hosts, as cfssl-ts layout assigns them), and how many days are left. A server or peer certificate
without SANs is a problem. So is a temporary or backup file of cfssl-ts's writer left by a killed run (.<file>.<12
hex>.tmp or .bak, possibly a copy of a private key), and a *.pem or *-csr.json entry that is not a
file (FIFO, directory, device, symbolic link loop). A certificate valid longer than its CA gets a
WARNING: every connection using it fails once the CA expires. During a CA rotation (rotate-ca) ca.pem
holds the new and the old CA and check says which phase the directory is in. Exits 1 on any
problem, and with -within (a Go duration or days: 720h, 30d) also when a certificate expires within
that window. -format json prints one JSON document instead of the report.
Flags:
`;

function describe(check: CertificateCheck, dir: string): string {
  const role = check.role === 'ca' ? 'CA' : check.role;
  let out = `${dir}/${check.file} (${role})${check.subject === '' ? '' : ` ${check.subject}`}\n`;
  for (const note of check.notes) out += `  ok       ${note}\n`;
  for (const warning of check.warnings) out += `  WARNING  ${warning}\n`;
  for (const problem of check.problems) out += `  PROBLEM  ${problem}\n`;
  return out;
}

function nextStep(rotation: CaRotationState, dir: string): string {
  return rotation.next === null ? '' : `; next: cfssl-ts rotate-ca${rotation.next === '' ? '' : ` ${rotation.next}`} ${dir}`;
}

function render(result: LayoutCheck, dir: string, expiring: readonly CertificateCheck[], within: string | null): string {
  let out = '';
  for (const problem of result.problems) out += `${dir}: PROBLEM ${problem}\n`;
  for (const check of result.certificates) out += describe(check, dir);
  const { rotation } = result;
  if (rotation.phase !== 'none' && rotation.phase !== 'unreadable' && rotation.phase !== 'inconsistent') {
    out += `${dir}: ${rotation.description}${nextStep(rotation, dir)}\n`;
  }
  if (within !== null) {
    out +=
      expiring.length === 0
        ? `${dir}: nothing expires within ${within}\n`
        : `${dir}: ${expiring.length} expire${expiring.length === 1 ? 's' : ''} within ${within}: ${expiring.map((c) => c.file).join(', ')}\n`;
  }
  const n = result.certificates.length;
  const verdict = result.problemCount === 0 ? 'no problems' : `${result.problemCount} problem${result.problemCount === 1 ? '' : 's'}`;
  return `${out}${dir}: ${n} certificate${n === 1 ? '' : 's'}, ${verdict}\n`;
}

// Go time.Time.Format(time.RFC3339) in UTC
const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function renderJson(result: LayoutCheck, dir: string, now: number, expiring: readonly CertificateCheck[], within: string | null): string {
  const { rotation } = result;
  const doc = {
    dir,
    checked_at: rfc3339(now),
    within,
    certificates: result.certificates.map((c) => ({
      file: c.file,
      role: c.role,
      subject: c.subject,
      sans: c.sans,
      not_after: c.notAfter === null ? null : rfc3339(c.notAfter),
      days_left: c.daysLeft,
      issuer_file: c.issuerFile,
      expires_within: within === null ? null : expiring.includes(c),
      problems: c.problems,
      warnings: c.warnings,
    })),
    problems: result.problems,
    problem_count: result.problemCount,
    expiring: expiring.map((c) => c.file),
    rotation: {
      phase: rotation.phase,
      description: rotation.description,
      next: rotation.next === null ? null : `cfssl-ts rotate-ca${rotation.next === '' ? '' : ` ${rotation.next}`} ${dir}`,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function checkMain(ctx: CommandContext): Promise<void> {
  const [dir, ...rest] = ctx.args;
  if (dir === undefined) throw new CfsslError('ERR_INPUT', 0, 'not enough arguments are supplied --- please refer to the usage');
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
  const format = ctx.str('format');
  if (format !== '' && format !== 'json' && format !== 'text') {
    throw new CfsslError('ERR_INPUT', 0, `invalid -format ${JSON.stringify(format)}: want json or text`);
  }
  const within = ctx.flags.set.has('within') ? ctx.str('within') : null;
  const windowMs = within === null ? null : parseWithin(within);
  const { files, unreadable } = await readDirectoryFiles(resolve(ctx.io.cwd, dir));
  const now = ctx.replay.now ?? ctx.io.now();
  const result = await checkLayout(files, { now, crypto: ctx.crypto, unreadable });
  const shownDir = dir.replace(/\/+$/, '') || '/';
  const expiring = windowMs === null ? [] : result.certificates.filter((c) => c.notAfter !== null && c.notAfter - now <= windowMs);
  ctx.io.writeStdout(format === 'json' ? renderJson(result, shownDir, now, expiring, within) : render(result, shownDir, expiring, within));
  const failures: string[] = [];
  if (result.problemCount > 0) failures.push(`${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} found`);
  if (expiring.length > 0)
    failures.push(`${expiring.map((c) => c.file).join(', ')} expire${expiring.length === 1 ? 's' : ''} within ${within ?? ''}`);
  if (failures.length > 0) throw new CfsslError('ERR_INPUT', 0, `${shownDir}: ${failures.join('; ')}`);
}

export const checkCommand: CfsslCommand = {
  name: 'check',
  usageText: USAGE,
  listedFlags: ['within', 'format', 'now'],
  main: checkMain,
};
