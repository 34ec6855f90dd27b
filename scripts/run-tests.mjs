#!/usr/bin/env node
// `npm test` / `pnpm test`: install if needed, build, run every vitest suite, print one closing line
// "N passed, N failed, N skipped" that CI readers understand, and exit with vitest's status.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const pnpm = (...args) => run('npx', ['--yes', 'pnpm@10.34.9', ...args]);

if (!existsSync(join(root, 'node_modules', '.pnpm'))) {
  if (pnpm('install', '--frozen-lockfile') !== 0) process.exit(1);
}
if (run('node', ['scripts/check-portable-paths.mjs']) !== 0) process.exit(1);
if (pnpm('run', 'build') !== 0) process.exit(1);

const report = join(root, 'node_modules', '.vitest-report.json');
rmSync(report, { force: true });
const status = run(join(root, 'node_modules', '.bin', 'vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(status);
