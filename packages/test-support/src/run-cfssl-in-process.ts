// cfssl-ts's command line in this process: the bin's code without process start-up.
import { runCfssl } from '../../cli/src/run-cfssl.js';
import type { RunResult } from './run-async.js';

export interface InProcessOptions {
  /** The command's working directory (default: this process's). */
  cwd?: string;
  /** What the command reads on stdin (default: nothing). */
  stdin?: string;
  /** The clock (default: Date.now). */
  now?: () => number;
}

/** Run `cfssl-ts args` through runCfssl, collecting stdout and stderr as text. */
export async function runCfsslInProcess(args: string[], options: InProcessOptions = {}): Promise<RunResult> {
  const out = { stdout: '', stderr: '' };
  const status = await runCfssl(args, {
    readStdin: () => Promise.resolve(new TextEncoder().encode(options.stdin ?? '')),
    writeStdout: (t) => void (out.stdout += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    writeStderr: (t) => void (out.stderr += t),
    cwd: options.cwd ?? process.cwd(),
    env: {},
    now: options.now ?? (() => Date.now()),
  });
  return { status, ...out };
}
