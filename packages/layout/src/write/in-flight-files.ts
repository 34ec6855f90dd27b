// The writer's files that exist only while a plan is being written, so that a signal handler can remove them synchronously.
import * as nodeFsSync from 'node:fs';

/** The synchronous file-system calls {@link removeInFlightFiles} makes (injectable for tests). */
export type InFlightFs = Pick<typeof nodeFsSync, 'unlinkSync' | 'renameSync'>;

// path -> null (remove it) or the target a backup is put back over
const inFlight = new Map<string, string | null>();

/** Record `path` as in flight: removed by {@link removeInFlightFiles}, or renamed back over `restoreTo` (a backup). */
export function trackInFlight(path: string, restoreTo: string | null = null): void {
  inFlight.set(path, restoreTo);
}

/** `path` is no longer in flight (renamed into place, removed, or its plan is complete). */
export function forgetInFlight(path: string | undefined): void {
  if (path !== undefined) inFlight.delete(path);
}

/** The paths now in flight, in the order they were recorded. */
export function inFlightFiles(): string[] {
  return [...inFlight.keys()];
}

/**
 * Undo what unfinished `applyPlan` calls have put on disk, synchronously, for a SIGINT or
 * SIGTERM handler that is about to end the process: temporary files (complete private keys, once
 * written) and targets created by an unfinished plan are removed, replaced targets are put back
 * from their backups. Errors are ignored: a file that is already gone needs nothing. Returns the
 * paths it handled.
 *
 * @example
 * process.once('SIGTERM', () => {
 *   removeInFlightFiles();
 *   process.kill(process.pid, 'SIGTERM');
 * });
 */
export function removeInFlightFiles(fs: InFlightFs = nodeFsSync): string[] {
  const handled = [...inFlight];
  inFlight.clear();
  for (const [path, restoreTo] of handled) {
    // rename() of a backup onto a target that is the same inode does nothing, so the backup is unlinked after it either way
    if (restoreTo !== null) tryQuietly(() => fs.renameSync(path, restoreTo));
    tryQuietly(() => fs.unlinkSync(path));
  }
  return handled.map(([path]) => path);
}

function tryQuietly(call: () => void): void {
  try {
    call();
  } catch {
    // already gone, or nothing more can be done while the process ends
  }
}
