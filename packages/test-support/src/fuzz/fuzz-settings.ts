// How a fuzz run is configured: `npm test` runs every target with a fixed seed and a few runs; `pnpm fuzz`
// (scripts/run-fuzz.mjs) sets FUZZ_RUNS, a random FUZZ_SEED and FUZZ_SAVE=1 for a longer run that keeps failures.
import { appendFileSync } from 'node:fs';

/** The seed of `npm test`'s fuzz runs, fixed so that a failure there is reproducible. */
export const DEFAULT_FUZZ_SEED = 20_261_206;

export interface FuzzSettings {
  /** fast-check's seed. */
  seed: number;
  /** Runs per target, or undefined for each target's own `npm test` count. */
  runs: number | undefined;
  /** Whether a failing input is written into fixtures/fuzz-regressions/<target>/. */
  save: boolean;
  /** Wall-clock budget of one target's property; fast-check stops (without failing) when it is spent. */
  targetBudgetMs: number;
  /** What one input may take before the property fails as a hang. */
  perInputLimitMs: number;
  /** Whether each target prints how many inputs it ran (FUZZ_REPORT=1, or any `pnpm fuzz` run). */
  report: boolean;
  /** Mutants per kind for the differential run against real cfssl (FUZZ_MUTANTS; each costs a process). */
  differentialMutants: number | undefined;
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** Add one line to the tally file `pnpm fuzz` reads (FUZZ_TALLY_FILE), if there is one. */
export function tallyFuzzRuns(target: string, runs: number, findings: number): void {
  const file = process.env.FUZZ_TALLY_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ target, runs, findings })}\n`);
}

/** The settings of this run, read from FUZZ_SEED, FUZZ_RUNS, FUZZ_SAVE, FUZZ_BUDGET_MS, FUZZ_REPORT and FUZZ_MUTANTS. */
export function fuzzSettings(): FuzzSettings {
  const runs = envNumber('FUZZ_RUNS');
  return {
    seed: envNumber('FUZZ_SEED') ?? DEFAULT_FUZZ_SEED,
    runs,
    save: process.env.FUZZ_SAVE === '1',
    // npm test: at most 3 s a target, so the whole set stays within its share of the gate on 2 cores.
    targetBudgetMs: envNumber('FUZZ_BUDGET_MS') ?? (runs === undefined ? 3_000 : 600_000),
    perInputLimitMs: 2_000,
    report: runs !== undefined || process.env.FUZZ_REPORT === '1',
    differentialMutants: envNumber('FUZZ_MUTANTS') ?? (runs === undefined ? undefined : Math.ceil(runs / 5)),
  };
}
