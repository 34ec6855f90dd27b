// The cfssl-ts remote client against cfssl-ts serve over plain HTTP: info, sign, gencert -remote (bare IP:port and
// http://), and an auth_remote profile (authsign) with the right and a wrong HMAC key.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const haveOpenssl = requireTool('openssl');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);
// config.json's `primary` auth key (the sample's inputs).
const PRIMARY = (JSON.parse(readFileSync(inputs('config.json'), 'utf8')) as { auth_keys: { primary: { key: string } } }).auth_keys.primary
  .key;

describe('cfssl-ts client ↔ cfssl-ts serve', () => {
  let dir: string;
  let port: number;
  let server: RunningCfsslTsServe;
  const cli = (...args: string[]) => runBin('cfssl-ts', args, dir);
  const certOf = (stdout: string) => (JSON.parse(stdout) as { cert: string }).cert;
  const verified = (pem: string) => {
    writeFileSync(join(dir, 'out.pem'), pem);
    return spawnSync('openssl', ['verify', '-CAfile', 'ca.pem', 'out.pem'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  };
  const authConfig = (keyHex: string) =>
    JSON.stringify({
      signing: { default: { auth_remote: { remote: 'ca', auth_key: 'k' } } },
      auth_keys: { k: { type: 'standard', key: keyHex } },
      remotes: { ca: `127.0.0.1:${port}` },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-client-serve-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr', 'leaf-csr.json']) copyFileSync(inputs(f), join(dir, f));
    server = await startCfsslTsServe(['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json'], dir);
    port = server.port;
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('info -remote with a bare IP:port (cfssl issue #961) and with http://', () => {
    for (const remote of [`127.0.0.1:${port}`, `http://127.0.0.1:${port}`]) {
      const r = cli('info', '-remote', remote);
      expect(r.status, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { certificate: string }).certificate).toBe(readFileSync(inputs('ca.pem'), 'utf8').trim());
    }
  });

  it.skipIf(!haveOpenssl)('sign -remote and gencert -remote issue certificates openssl verifies', () => {
    const signed = cli('sign', '-remote', `127.0.0.1:${port}`, '-profile', 'server', 'leaf.csr');
    expect(signed.status, signed.stderr).toBe(0);
    expect(verified(certOf(signed.stdout))).toBe('out.pem: OK');
    const made = cli('gencert', '-remote', `http://127.0.0.1:${port}`, 'leaf-csr.json');
    expect(made.status, made.stderr).toBe(0);
    expect(verified(certOf(made.stdout))).toBe('out.pem: OK');
  });

  it.skipIf(!haveOpenssl)('an auth_remote profile signs through authsign with the right key; a wrong key gets invalid token', () => {
    writeFileSync(join(dir, 'good.json'), authConfig(PRIMARY));
    const good = cli('sign', '-config', 'good.json', '-profile', 'auth', 'leaf.csr');
    expect(good.status, good.stderr).toBe(0);
    expect(verified(certOf(good.stdout))).toBe('out.pem: OK');
    writeFileSync(join(dir, 'bad.json'), authConfig('ff'.repeat(32)));
    const bad = cli('sign', '-config', 'bad.json', '-profile', 'auth', 'leaf.csr');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid token');
  });

  it('SIGTERM stops the server with status 0', async () => {
    expect(await server.stop()).toBe(0);
  });
});
