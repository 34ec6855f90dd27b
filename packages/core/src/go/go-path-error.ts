// Go's *os.PathError text ("open cert.pem: no such file or directory") for a Node fs error object.
// Pure: it reads only the error's `code` and `message`, so it lives in core's Go kit.

// Go syscall.Errno.Error() strings on Linux for the errors file operations meet.
const GO_ERRNO_TEXT: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EBADF: 'bad file descriptor',
  EBUSY: 'device or resource busy',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'file exists',
  EFBIG: 'file too large',
  EINVAL: 'invalid argument',
  EIO: 'input/output error',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ENFILE: 'too many open files in system',
  ENOENT: 'no such file or directory',
  ENOSPC: 'no space left on device',
  ENOTDIR: 'not a directory',
  ENXIO: 'no such device or address',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ETXTBSY: 'text file busy',
  EXDEV: 'invalid cross-device link',
};

/** The text Go's `syscall.Errno` gives for a Node error code, or `undefined` when not known. */
export function goErrnoText(code: string): string | undefined {
  return GO_ERRNO_TEXT[code];
}

/**
 * Format a failed file operation as Go's `*os.PathError` prints: `<op> <path>: <errno text>`.
 * `path` is shown as given (Go prints the name the program used). Unknown errors fall back to
 * Node's description.
 *
 * @example
 * formatGoPathError('open', 'nofile', Object.assign(new Error(), { code: 'ENOENT' }));
 * // 'open nofile: no such file or directory'
 */
export function formatGoPathError(op: string, path: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = goErrnoText(code);
  if (known !== undefined) return `${op} ${path}: ${known}`;
  const message = error instanceof Error ? error.message : String(error);
  // Node: "ENOENT: no such file or directory, open 'x'" -> the middle part
  const match = /^[A-Z0-9_]+: (.*?)(?:, \w+ '.*')?$/s.exec(message);
  return `${op} ${path}: ${match?.[1] ?? message}`;
}
