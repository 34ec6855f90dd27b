// External judges (openssl, cfssl, etcd): skip locally when absent, fail under CI (where .ci/run installs them).
import { spawnSync } from 'node:child_process';

/** True when `name` is on PATH. Throws when it is missing and CI is set, so judges never silently skip in CI. */
export function requireTool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI) throw new Error(`${name} is required under CI (install it in .ci/run)`);
  if (!found) console.warn(`skipping: ${name} is not installed`);
  return found;
}
