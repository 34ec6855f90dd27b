// SIGINT, SIGTERM and SIGHUP while a layout is being written: remove the writer's temporary files (they may hold a
// complete private key) and put replaced files back, then die of the same signal, so the shell reports 130, 143 or
// 129 and a calling script stops as it would for cfssl, which the signal kills outright.
import { removeInFlightFiles } from '@cfssl-ts/layout/in-flight-files';

/** The signals handled, with their numbers on Linux and macOS (the exit status is 128 + number). */
export const CLEANED_UP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

type CleanedUpSignal = keyof typeof CLEANED_UP_SIGNALS;

interface SignalProcess {
  once(signal: CleanedUpSignal, listener: (signal: CleanedUpSignal) => void): unknown;
  kill(pid: number, signal: CleanedUpSignal): unknown;
  exit(status: number): unknown;
  pid: number;
}

/** Install the handlers; `proc` and `cleanUp` are injectable for tests. */
export function cleanUpOnSignal(proc: SignalProcess = process, cleanUp: () => unknown = removeInFlightFiles): void {
  for (const signal of Object.keys(CLEANED_UP_SIGNALS) as CleanedUpSignal[]) {
    proc.once(signal, () => {
      cleanUp();
      // the handler was installed with once(): the default action (termination by the signal) is back
      proc.kill(proc.pid, signal);
      // where a process cannot signal itself (Windows), the status a shell would show
      proc.exit(128 + CLEANED_UP_SIGNALS[signal]);
    });
  }
}
