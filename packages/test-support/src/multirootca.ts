// Start real `multirootca` (Debian golang-cfssl 1.2) or the built `cfssl-ts multirootca` on 127.0.0.1 with a free port; write auth_remote client configs for them.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './cfssl-serve.js';
import { REPO_ROOT } from './repo-paths.js';

/** A running multirootca; `stop()` sends SIGTERM and resolves with the exit code (null when killed by the signal). */
export interface RunningMultirootca {
  port: number;
  /** stderr so far (the log). */
  log(): string;
  /** stdout so far (refused requests are dumped there). */
  stdout(): string;
  /** Exit code once it has exited, else undefined. */
  exited(): number | null | undefined;
  stop(): Promise<number | null>;
}

/** Which program: cfssl's own binary or cfssl-ts's subcommand. */
export type MultirootcaFlavour = 'cfssl' | 'cfssl-ts';

/**
 * Run `multirootca -a 127.0.0.1:<free> ...args` in `cwd`. Resolves once it logs `Now listening`, or once it has
 * exited (a refused roots file): check `exited()`.
 */
export async function startMultirootca(flavour: MultirootcaFlavour, args: readonly string[], cwd: string): Promise<RunningMultirootca> {
  const port = await freePort();
  const all = ['-a', `127.0.0.1:${String(port)}`, ...args];
  const child =
    flavour === 'cfssl'
      ? spawn('multirootca', all, { cwd })
      : spawn(process.execPath, [join(REPO_ROOT, 'packages', 'cli', 'bin', 'cfssl-ts.js'), 'multirootca', ...all], { cwd });
  let log = '';
  let out = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  let code: number | null | undefined;
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (c) => {
      code = c;
      resolve(c);
    }),
  );
  const deadline = Date.now() + 20_000;
  while (code === undefined && !log.includes('Now listening') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (code === undefined && !log.includes('Now listening')) {
    child.kill('SIGKILL');
    throw new Error(`${flavour} multirootca did not start: ${log}`);
  }
  const stop = () => {
    if (code === undefined) child.kill('SIGTERM');
    return exit;
  };
  return { port, log: () => log, stdout: () => out, exited: () => code, stop };
}

/**
 * Write a cfssl client config whose default profile and `profiles` all sign through `auth_remote` at `remoteUrl`
 * with the standard HMAC key `keyHex` (cfssl config `auth_remote`, reference §6.4); returns `name`.
 */
export function writeAuthRemoteConfig(
  dir: string,
  name: string,
  remoteUrl: string,
  keyHex: string,
  profiles: readonly string[] = ['auth'],
): string {
  const remote = { remote: 'ca', auth_key: 'k' };
  writeFileSync(
    join(dir, name),
    JSON.stringify({
      signing: { default: { auth_remote: remote }, profiles: Object.fromEntries(profiles.map((p) => [p, { auth_remote: remote }])) },
      auth_keys: { k: { type: 'standard', key: keyHex } },
      remotes: { ca: remoteUrl },
    }),
  );
  return name;
}
