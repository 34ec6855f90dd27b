// Every shell example of README.md and docs/*.md runs here with the built cfssl-ts, cfssljson-ts and
// cfssl-certinfo-ts in a temporary directory per document (examples of one document share it, in order, as a
// reader following along), and its output must match the sample below it. An example that cannot run here is
// marked `<!-- docs-test: skip <reason> -->` (docs/contributing.md); an unmarked one that fails fails this suite.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { extractDocExamples, HOW_TO_MARK, matchesSample, normaliseOutput, type DocExample, type ShellExample } from './doc-examples.js';

const DOCS = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const BINS = ['cfssl-ts', 'cfssljson-ts', 'cfssl-certinfo-ts'];
// an example runs at most this long: a server that runs until stopped must be marked skip
const EXAMPLE_SECONDS = 90;
const TIMEOUT = (EXAMPLE_SECONDS + 30) * 1000;

const root = mkdtempSync(join(tmpdir(), 'cfssl-ts-docs-'));
const binDir = join(root, 'bin');
mkdirSync(binDir);
for (const name of BINS) {
  const script = join(REPO_ROOT, 'packages', 'cli', 'bin', `${name}.js`);
  writeFileSync(join(binDir, name), `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`);
  chmodSync(join(binDir, name), 0o755);
}
const counts = { ran: 0, skipped: [] as string[] };

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.info(
    `docs examples: ${counts.ran} run and compared, ${counts.skipped.length} marked not to run here:\n  ${counts.skipped.join('\n  ')}`,
  );
});

function title(example: ShellExample): string {
  const first = example.script.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  return `${example.file}:${example.line} ${first.trim().slice(0, 80)}`;
}

function run(example: ShellExample, cwd: string): { status: number; output: string } {
  const script = ['exec 2>&1', 'set -eo pipefail', ...example.before, example.script].join('\n');
  const r = spawnSync('bash', ['-c', script], {
    cwd,
    encoding: 'utf8',
    timeout: EXAMPLE_SECONDS * 1000,
    killSignal: 'SIGKILL',
    env: { PATH: `${binDir}:${process.env.PATH ?? ''}`, HOME: cwd, TZ: 'UTC', LANG: 'C' },
  });
  if (r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new Error(
      `${example.file}:${example.line}: this shell example did not finish within ${EXAMPLE_SECONDS} s (a server or daemon that runs until stopped?). Output so far:\n${r.stdout}\n${HOW_TO_MARK}`,
    );
  }
  if (r.error) throw r.error;
  return { status: r.status ?? -1, output: r.stdout };
}

function check(example: ShellExample, cwd: string, pending: DocExample[]): void {
  for (const f of pending.splice(0)) {
    if (f.kind !== 'file') continue;
    mkdirSync(dirname(join(cwd, f.name)), { recursive: true });
    writeFileSync(join(cwd, f.name), f.text);
  }
  const { status, output } = run(example, cwd);
  if (status !== example.exit) {
    throw new Error(
      `${example.file}:${example.line}: this shell example exited with status ${status}, expected ${example.exit}. Its output:\n` +
        `${output}\n${HOW_TO_MARK}`,
    );
  }
  if (example.sample !== null && !matchesSample(example.sample.text, output)) {
    throw new Error(
      `${example.file}:${example.sample.line}: the sample output of the example at line ${example.line} differs from its run ` +
        `(both normalised: times, day counts, base64; "..." matches anything).\n--- sample\n${normaliseOutput(example.sample.text)}\n` +
        `--- run\n${normaliseOutput(output, cwd)}\n${HOW_TO_MARK}`,
    );
  }
  counts.ran++;
}

it('the built binaries exist (pnpm run build)', () => {
  for (const name of BINS) expect(existsSync(join(REPO_ROOT, 'packages', 'cli', 'bin', `${name}.js`)), name).toBe(true);
  expect(existsSync(join(REPO_ROOT, 'packages', 'cli', 'dist')), 'packages/cli/dist').toBe(true);
});

for (const file of DOCS) {
  const { examples, problems } = extractDocExamples(readFileSync(join(REPO_ROOT, file), 'utf8'), file);
  if (examples.length === 0 && problems.length === 0) continue;
  describe.sequential(file, () => {
    const cwd = join(root, file.replace(/\W/g, '_'));
    mkdirSync(cwd);
    const pending: DocExample[] = [];
    for (const problem of problems) {
      it(`${problem.file}:${problem.line} has a docs-test marker that can be read`, () => {
        throw new Error(`${problem.file}:${problem.line}: ${problem.message}`);
      });
    }
    for (const example of examples) {
      if (example.kind === 'file') {
        pending.push(example);
        continue;
      }
      if (example.skip !== null) {
        counts.skipped.push(`${example.file}:${example.line}: ${example.skip}`);
        it.skip(`${title(example)} (not run here: ${example.skip})`, () => undefined);
        continue;
      }
      const files = pending.splice(0);
      // a program the example needs: missing here, the example is skipped; missing under CI, it fails (requireTool)
      it(
        title(example),
        ({ skip }) => {
          const missing = [...example.needs, 'openssl'].filter((tool) => !requireTool(tool));
          if (missing.length > 0) {
            counts.skipped.push(`${example.file}:${example.line}: ${missing.join(', ')} not installed`);
            skip();
          }
          check(example, cwd, files);
        },
        TIMEOUT,
      );
    }
  });
}
