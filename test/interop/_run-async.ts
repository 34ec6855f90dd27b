// Async process runner for the interop suites: long spawnSync runs starve vitest's worker RPC.
import { spawn } from 'node:child_process';
import { binPath } from '../support/run-bin.js';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run `cmd args` in `cwd` (TZ=UTC, extra env), collecting UTF-8 output. */
export function runAsync(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, TZ: 'UTC', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Run the built cfssl-ts bin. */
export function cfsslTs(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runAsync(binPath('cfssl-ts'), args, cwd, env);
}
