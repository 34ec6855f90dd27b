// Start the built `cfssl-ts serve` on 127.0.0.1 with a free port, for tests of the server as a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './cfssl-serve.js';
import { REPO_ROOT } from './repo-paths.js';

/** A running `cfssl-ts serve`; `stop()` sends SIGTERM and resolves with its exit code. */
export interface RunningCfsslTsServe {
  port: number;
  child: ChildProcess;
  /** What it logged so far (stderr). */
  log(): string;
  stop(): Promise<number | null>;
}

/**
 * Run `cfssl-ts serve -address 127.0.0.1 -port <free> ...args` in `cwd` (or another listening command, such as
 * `ocspserve`); resolves once it logs `Now listening`.
 */
export async function startCfsslTsServe(args: readonly string[], cwd: string, command = 'serve'): Promise<RunningCfsslTsServe> {
  const port = await freePort();
  const bin = join(REPO_ROOT, 'packages', 'cli', 'bin', 'cfssl-ts.js');
  const child = spawn(process.execPath, [bin, command, '-address', '127.0.0.1', '-port', String(port), ...args], { cwd });
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  await new Promise<void>((resolve) => {
    const check = () => (log.includes('Now listening') || child.exitCode !== null ? resolve() : setTimeout(check, 50));
    check();
  });
  if (child.exitCode !== null) throw new Error(`cfssl-ts ${command} exited ${String(child.exitCode)}: ${log}`);
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) {
        resolve(child.exitCode);
        return;
      }
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { port, child, log: () => log, stop };
}
