// Failures of applyPlan.
import type { LayoutWriteErrorCode } from '../layout-error-codes.js';

/** The step that failed, named after the system call (Go's PathError.Op vocabulary). */
export type LayoutWriteStep = 'mkdir' | 'open' | 'write' | 'sync' | 'rename' | 'link' | 'lstat';

/**
 * A plan that was not applied. `path` is the target the plan named (never a temporary or backup
 * file). When this is thrown the directory holds what it held before the call.
 *
 * @example
 * try {
 *   await applyPlan(build.files, { dir: 'etcd-cert' });
 * } catch (e) {
 *   if (e instanceof LayoutWriteError && e.code === 'ERR_LAYOUT_EXISTS') console.error(`${e.path} exists: pass force to replace it`);
 * }
 */
export class LayoutWriteError extends Error {
  override readonly name = 'LayoutWriteError';
  readonly code: LayoutWriteErrorCode;
  readonly path: string;
  readonly step: LayoutWriteStep;
  /** Node's error code (`ENOENT`, `EACCES`, ...); `EEXIST` for a refusal. */
  readonly errno: string;

  constructor(code: LayoutWriteErrorCode, path: string, step: LayoutWriteStep, errno: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.path = path;
    this.step = step;
    this.errno = errno;
  }
}
