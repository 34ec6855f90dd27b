// Run the built cfssl-ts / cfssljson-ts bins as a user would, capturing bytes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-paths.js';

/** Path of an installed bin (node_modules/.bin), after `pnpm install` and `pnpm build`. */
export function binPath(name: 'cfssl-ts' | 'cfssljson-ts'): string {
  const p = join(REPO_ROOT, 'node_modules', '.bin', name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run pnpm install && pnpm build first`);
  return p;
}

export interface BinResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runBin(name: 'cfssl-ts' | 'cfssljson-ts', args: readonly string[], cwd: string, input?: string | Uint8Array): BinResult {
  const r = spawnSync(binPath(name), args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, TZ: 'UTC' } });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
