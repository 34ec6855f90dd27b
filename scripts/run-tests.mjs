#!/usr/bin/env node
// `npm test` / `pnpm test`: install if needed; check paths, build, type-check, lint and check formatting; run every
// vitest suite; print one closing line "N passed, N failed, N skipped" that CI readers understand; exit with vitest's status.
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
// The gate before the tests, in order (docs/contributing.md): each step stops the run when it fails.
const bin = (name) => join(root, 'node_modules', '.bin', name);
const gate = [
  ['portable paths', () => run('node', ['scripts/check-portable-paths.mjs'])],
  ['build', () => pnpm('run', 'build')],
  ['type-check (tests included)', () => run(bin('tsc'), ['-p', 'tsconfig.json'])],
  ['lint (typescript-eslint strict-type-checked)', () => run(bin('eslint'), ['--max-warnings=0', 'packages', 'test'])],
  ['format (biome)', () => run(bin('biome'), ['format', '.'])],
];
for (const [name, step] of gate) {
  console.log(`\n== ${name}`);
  if (step() !== 0) {
    console.error(`\nnpm test: the ${name} step failed; no tests were run.`);
    process.exit(1);
  }
}

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
