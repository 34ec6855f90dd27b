// The process boundary the commands see: streams, working directory, environment. Tests pass fakes.
import { CfsslError } from '@cfssl-ts/core';
import { INPUT_LIMITS } from './input-limits.js';
import { readStreamBounded } from './read-bounded.js';
import { stdinWasClosed } from './stdin-was-closed.js';

/** Everything a command may touch outside the core. */
export interface CliIo {
  /** Read all of standard input, refusing more than `limit` bytes (default {@link INPUT_LIMITS}.file). */
  readStdin(limit?: number): Promise<Uint8Array>;
  writeStdout(text: string | Uint8Array): void;
  writeStderr(text: string): void;
  /** Directory relative paths resolve against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock (ms since epoch); replay flags override it. */
  now(): number;
}

/** The real process as a CliIo. */
export function processIo(): CliIo {
  return {
    readStdin(limit = INPUT_LIMITS.file) {
      // Go's os.Stdin read of a closed fd 0 (cli.ReadStdin's error, cfssljson's "Failed to read input: ...")
      if (stdinWasClosed()) return Promise.reject(new CfsslError('ERR_INPUT', 0, 'read /dev/stdin: bad file descriptor'));
      return readStreamBounded(process.stdin, '/dev/stdin', limit);
    },
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => Date.now(),
  };
}
