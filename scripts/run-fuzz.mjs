#!/usr/bin/env node
// `pnpm fuzz`: the long fuzz run. Every *.fuzz.test.ts suite with FUZZ_RUNS inputs per target (default 10000),
// a random FUZZ_SEED (printed, so a run can be repeated) and FUZZ_SAVE=1, which writes each failing input into
// fixtures/fuzz-regressions/<target>/ where every later `npm test` replays it. Extra arguments go to vitest
// (file filters instead of all fuzz suites, e.g. `pnpm fuzz x509/parse-go-certificate.fuzz`). Ends with the tally: inputs run and failures found per target.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'cfssl-ts-fuzz-'));
const tally = join(scratch, 'tally.jsonl');
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000',
  FUZZ_SEED: process.env.FUZZ_SEED ?? String(randomInt(2 ** 31)),
  FUZZ_SAVE: process.env.FUZZ_SAVE ?? '1',
  FUZZ_BUDGET_MS: process.env.FUZZ_BUDGET_MS ?? '300000',
  FUZZ_TALLY_FILE: tally,
};
console.log(`pnpm fuzz: FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SAVE=${env.FUZZ_SAVE}`);

// The differential suite reads @cfssl-ts/core's build.
const build = spawnSync('npx', ['--yes', 'pnpm@10.34.9', 'run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const args = process.argv.slice(2);
const vitest = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', ...(args.length > 0 ? args : ['fuzz.test'])], {
  cwd: root,
  stdio: 'inherit',
  env,
});

const rows = existsSync(tally)
  ? readFileSync(tally, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
rmSync(scratch, { recursive: true, force: true });
const total = rows.reduce((n, r) => n + r.runs, 0);
const found = rows.reduce((n, r) => n + r.findings, 0);
for (const r of rows) console.log(`  ${r.target}: ${r.runs} inputs, ${r.findings} failing`);
console.log(
  `pnpm fuzz: seed ${env.FUZZ_SEED}, ${rows.length} targets, ${total} inputs, ${found} failing${found ? ' (saved under fixtures/fuzz-regressions/)' : ''}`,
);
process.exit(vitest.status ?? 1);
