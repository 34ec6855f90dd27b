// One fuzz target as a vitest suite: replay its saved failures, then run its property under this run's settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegressions, saveRegression } from './fuzz-regressions.js';
import { fuzzSettings, tallyFuzzRuns } from './fuzz-settings.js';
import type { FuzzTargetName } from './fuzz-targets.js';

export interface FuzzTargetSpec<T> {
  target: FuzzTargetName;
  /** What to generate; its values must be encodable by fuzz-input-codec (bytes, text, bigints, JSON). */
  arbitrary: fc.Arbitrary<T>;
  /** Throws (or rejects) when the invariant breaks for `input`. */
  check: (input: T) => void | Promise<void>;
  /** Runs under `npm test` (default 200); `pnpm fuzz` sets its own count. */
  runs?: number;
}

// fast-check's async loop never leaves the microtask queue; vitest's worker RPC needs the event loop to turn.
let lastTurn = performance.now();
async function turnEventLoop(): Promise<void> {
  if (performance.now() - lastTurn < 100) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

/** Run `check` on one input, failing it as a hang when it takes longer than the per-input limit. */
async function checkInTime<T>(spec: FuzzTargetSpec<T>, input: T, limitMs: number): Promise<void> {
  await turnEventLoop();
  const start = performance.now();
  await spec.check(input);
  const ms = performance.now() - start;
  if (ms > limitMs) throw new Error(`${spec.target}: one input took ${ms.toFixed(0)} ms (limit ${limitMs} ms)`);
}

/** Declare the suite of one fuzz target (call it at the top level of a `*.fuzz.test.ts` file). */
export function fuzzTarget<T>(spec: FuzzTargetSpec<T>): void {
  const settings = fuzzSettings();
  const numRuns = settings.runs ?? spec.runs ?? 200;
  describe(`fuzz ${spec.target}`, () => {
    for (const [file, input] of loadRegressions(spec.target)) {
      it(`saved failure ${file} passes`, () => checkInTime(spec, input as T, settings.perInputLimitMs));
    }

    it(
      `holds for generated inputs (seed ${settings.seed}, up to ${numRuns} runs)`,
      async () => {
        const details = await fc.check<[T]>(
          fc.asyncProperty(spec.arbitrary, (input) => checkInTime(spec, input, settings.perInputLimitMs)),
          { seed: settings.seed, numRuns, plugins: [fc.interruptAfterTimeLimit(settings.targetBudgetMs)] },
        );
        tallyFuzzRuns(spec.target, details.numRuns, details.failed ? 1 : 0);
        if (details.failed && details.counterexample) {
          const input = details.counterexample[0];
          const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          const saved = settings.save
            ? `\nsaved as ${saveRegression(spec.target, { seed: details.seed, path: details.counterexamplePath, error }, input)}`
            : '';
          throw new Error(`${fc.defaultReportMessage(details)}\nwhich failed with: ${error}${saved}`);
        }
        expect(details.failed).toBe(false);
        if (settings.report) console.info(`fuzz ${spec.target}: ${details.numRuns} runs, seed ${settings.seed}`);
      },
      settings.targetBudgetMs + 60_000,
    );
  });
}
