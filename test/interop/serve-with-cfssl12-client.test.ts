// Real cfssl 1.2 (Debian golang-cfssl) as the client of `cfssl-ts serve`: info, sign, gencert -remote, auth_remote.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { writeAuthRemoteConfig } from '@cfssl-ts/test-support/multirootca';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudges = requireTool('cfssl') && requireTool('openssl');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);

describe.skipIf(!haveJudges)('cfssl-ts serve answers real cfssl 1.2 as client', () => {
  let dir: string;
  let port: number;
  let server: RunningCfsslTsServe;
  const cfssl = (...args: string[]) => spawnSync('cfssl', args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const verify = (json: string) => {
    const cert = (JSON.parse(json) as { cert: string }).cert;
    writeFileSync(join(dir, 'out.pem'), cert);
    return spawnSync('openssl', ['verify', '-CAfile', 'ca.pem', 'out.pem'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  };
  const authConfig = (name: string, keyHex: string) => writeAuthRemoteConfig(dir, name, `http://127.0.0.1:${String(port)}`, keyHex);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-serve-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr', 'leaf-csr.json']) copyFileSync(inputs(f), join(dir, f));
    server = await startCfsslTsServe(['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json'], dir);
    port = server.port;
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('info -remote returns the CA certificate', () => {
    const r = cfssl('info', '-remote', `http://127.0.0.1:${port}`);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { certificate: string }).certificate).toBe(readFileSync(inputs('ca.pem'), 'utf8').trim());
  });

  it('sign -remote and gencert -remote issue certificates openssl verifies', () => {
    const signed = cfssl('sign', '-remote', `http://127.0.0.1:${port}`, '-profile', 'server', 'leaf.csr');
    expect(signed.status).toBe(0);
    expect(verify(signed.stdout)).toBe('out.pem: OK');
    const made = cfssl('gencert', '-remote', `http://127.0.0.1:${port}`, 'leaf-csr.json');
    expect(made.status).toBe(0);
    expect(verify(made.stdout)).toBe('out.pem: OK');
  });

  it('an auth_remote profile signs through authsign with the right key, and a wrong key is refused', async () => {
    authConfig('good.json', '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
    const good = cfssl('sign', '-config', 'good.json', '-profile', 'auth', 'leaf.csr');
    expect(good.status).toBe(0);
    expect(verify(good.stdout)).toBe('out.pem: OK');
    authConfig('bad.json', 'ff'.repeat(32));
    const bad = cfssl('sign', '-config', 'bad.json', '-profile', 'auth', 'leaf.csr');
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid token');
    // The access line follows the response: wait for it.
    for (let i = 0; i < 40 && !server.log().includes('"POST /api/v1/cfssl/authsign" 400'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.log()).toContain('"POST /api/v1/cfssl/authsign" 400');
  });

  it('SIGTERM stops the server with status 0', async () => {
    expect(await server.stop()).toBe(0);
  });
});
