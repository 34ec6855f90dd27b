// Failures of writeFileAtomic / writeFilesAtomic.

/** Stable codes of {@link AtomicWriteError}. */
export type AtomicWriteErrorCode =
  | 'EEXIST_REFUSED' // the target exists and overwriting it was not allowed
  | 'WRITE_FAILED'; // the file system refused an operation; `errno` and `cause` say which

/** The step that failed, named after the system call (Go's PathError.Op vocabulary). */
export type AtomicWriteStep = 'open' | 'write' | 'sync' | 'rename' | 'link' | 'lstat';

/**
 * An atomic write that did not happen. `path` is the target the caller asked for (never the
 * temporary file); nothing new is left behind under any name.
 *
 * @example
 * catch (e) { if (e instanceof AtomicWriteError && e.code === 'EEXIST_REFUSED') ... }
 */
export class AtomicWriteError extends Error {
  override readonly name = 'AtomicWriteError';
  readonly code: AtomicWriteErrorCode;
  readonly path: string;
  readonly step: AtomicWriteStep;
  /** Node's error code (`ENOENT`, `EACCES`, ...); `EEXIST` for a refusal. */
  readonly errno: string;

  constructor(code: AtomicWriteErrorCode, path: string, step: AtomicWriteStep, errno: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.path = path;
    this.step = step;
    this.errno = errno;
  }
}
