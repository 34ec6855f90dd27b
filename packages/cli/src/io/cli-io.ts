// The process boundary the commands see: streams, working directory, environment. Tests pass fakes.
import { CfsslError } from '@cfssl-ts/core';
import { stdinWasClosed } from './stdin-was-closed.js';

/** Everything a command may touch outside the core. */
export interface CliIo {
  /** Read all of standard input. */
  readStdin(): Promise<Uint8Array>;
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
    async readStdin() {
      // Go's os.Stdin read of a closed fd 0 (cli.ReadStdin's error, cfssljson's "Failed to read input: ...")
      if (stdinWasClosed()) throw new CfsslError('ERR_INPUT', 0, 'read /dev/stdin: bad file descriptor');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => Date.now(),
  };
}
