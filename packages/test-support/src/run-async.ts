// Async process runner for the interop suites: long spawnSync runs starve vitest's worker RPC.
import { spawn } from 'node:child_process';
import { binPath } from './run-bin.js';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run `cmd args` in `cwd` (TZ=UTC, extra env), collecting UTF-8 output. */
export function runAsync(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  input?: string,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, TZ: 'UTC', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
    // A child that exits before reading its input closes the pipe: EPIPE on stdin is not a test failure.
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err);
    });
    child.stdin.end(input ?? '');
  });
}

/** Run the built cfssl-ts bin. */
export function cfsslTs(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runAsync(binPath('cfssl-ts'), args, cwd, env);
}

/** Map `items` through `f` with at most `limit` in flight, keeping order. */
export async function pool<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}
