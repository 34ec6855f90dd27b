// Run the built cfssl-ts / cfssljson-ts bins as a user would, capturing bytes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './repo-paths.js';

/** Path of an installed bin (node_modules/.bin), after `pnpm install` and `pnpm build`. */
export function binPath(name: 'cfssl-ts' | 'cfssljson-ts' | 'cfssl-certinfo-ts'): string {
  const p = join(REPO_ROOT, 'node_modules', '.bin', name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run pnpm install && pnpm build first`);
  return p;
}

export interface BinResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runBin(
  name: 'cfssl-ts' | 'cfssljson-ts' | 'cfssl-certinfo-ts',
  args: readonly string[],
  cwd: string,
  input?: string | Uint8Array,
): BinResult {
  const r = spawnSync(binPath(name), args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, TZ: 'UTC' } });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Where {@link runBinSignalled} sends its signal: at the first `call` (fs.promises link or rename) whose destination is `file`. */
export interface SignalPoint {
  call: 'link' | 'rename';
  file: string;
  signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP';
}

export interface SignalledBinResult extends BinResult {
  /** The signal that ended the process, or null when it exited. */
  signal: NodeJS.Signals | null;
}

/** {@link runBin} with src/preload/signal-during-write.mjs preloaded: the bin receives `at.signal` at exactly `at`. */
export function runBinSignalled(
  name: 'cfssl-ts' | 'cfssljson-ts' | 'cfssl-certinfo-ts',
  args: readonly string[],
  cwd: string,
  at: SignalPoint,
  input?: string | Uint8Array,
): SignalledBinResult {
  const preload = pathToFileURL(join(REPO_ROOT, 'packages', 'test-support', 'src', 'preload', 'signal-during-write.mjs')).href;
  const env = {
    ...process.env,
    TZ: 'UTC',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
    SIGNAL_DURING_WRITE: `${at.call}:${at.file}:${at.signal}`,
  };
  const r = spawnSync(binPath(name), args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 26, env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}
