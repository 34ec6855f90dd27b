// Failures of the process's own output streams, answered as a Unix tool answers them: no Node stack trace.
// A closed pipe (`cfssl-ts certinfo ... | head -c 10`) ends the program quietly with 141, the status a shell shows
// for a Go program such as cfssl killed by SIGPIPE; any other write failure (ENOSPC on `> /dev/full`) is reported
// in Go's words (`write /dev/stdout: no space left on device`) with exit status 1, where cfssl exits 0 and loses
// its output.

/** Exit status of a program ended by SIGPIPE (128 + 13), as shells report it. */
export const EXIT_BROKEN_PIPE = 141;

/** The text Go's os package gives for a failed write: `write <path>: <reason>`. */
export function describeWriteError(path: string, error: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EIO: 'input/output error',
    EDQUOT: 'disk quota exceeded',
    EBADF: 'bad file descriptor',
    EFBIG: 'file too large',
  };
  return `write ${path}: ${(error.code !== undefined ? reasons[error.code] : undefined) ?? error.message}`;
}

interface OutputStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Install the handlers on stdout and stderr; `exit` and `report` are injectable for tests. */
export function guardOutputStreams(
  program: string,
  streams: { stdout: OutputStream; stderr: OutputStream } = process,
  exit: (status: number) => void = (status) => process.exit(status),
  report: (line: string) => void = (line) => {
    try {
      process.stderr.write(line);
    } catch {
      // stderr itself is gone: the exit status is all that is left to say.
    }
  },
): void {
  streams.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') {
      exit(EXIT_BROKEN_PIPE);
      return;
    }
    report(`${program}: ${describeWriteError('/dev/stdout', error)}\n`);
    exit(1);
  });
  streams.stderr.on('error', (error) => {
    exit(error.code === 'EPIPE' ? EXIT_BROKEN_PIPE : 1);
  });
}
