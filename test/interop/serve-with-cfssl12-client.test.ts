// Real cfssl 1.2 (Debian golang-cfssl) as the client of `cfssl-ts serve`: info, sign, gencert -remote, auth_remote.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudges = requireTool('cfssl') && requireTool('openssl');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!haveJudges)('cfssl-ts serve answers real cfssl 1.2 as client', () => {
  let dir: string;
  let port: number;
  let server: ChildProcess;
  let log = '';
  const cfssl = (...args: string[]) => spawnSync('cfssl', args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const verify = (json: string) => {
    const cert = (JSON.parse(json) as { cert: string }).cert;
    writeFileSync(join(dir, 'out.pem'), cert);
    return spawnSync('openssl', ['verify', '-CAfile', 'ca.pem', 'out.pem'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  };
  const authConfig = (keyHex: string) =>
    JSON.stringify({
      signing: { default: { auth_remote: { remote: 'ca', auth_key: 'k' } } },
      auth_keys: { k: { type: 'standard', key: keyHex } },
      remotes: { ca: `http://127.0.0.1:${port}` },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-serve-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr', 'leaf-csr.json']) copyFileSync(inputs(f), join(dir, f));
    port = await freePort();
    server = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'packages', 'cli', 'bin', 'cfssl-ts.js'),
        'serve',
        '-address',
        '127.0.0.1',
        '-port',
        String(port),
        '-ca',
        'ca.pem',
        '-ca-key',
        'ca-key.pem',
        '-config',
        'config.json',
      ],
      { cwd: dir },
    );
    server.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    await new Promise<void>((resolve) => {
      const check = () => (log.includes('Now listening on') || server.exitCode !== null ? resolve() : setTimeout(check, 50));
      check();
    });
  });
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
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
    writeFileSync(join(dir, 'good.json'), authConfig('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'));
    const good = cfssl('sign', '-config', 'good.json', '-profile', 'auth', 'leaf.csr');
    expect(good.status).toBe(0);
    expect(verify(good.stdout)).toBe('out.pem: OK');
    writeFileSync(join(dir, 'bad.json'), authConfig('ff'.repeat(32)));
    const bad = cfssl('sign', '-config', 'bad.json', '-profile', 'auth', 'leaf.csr');
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid token');
    // The access line follows the response: wait for it.
    for (let i = 0; i < 40 && !log.includes('"POST /api/v1/cfssl/authsign" 400'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(log).toContain('"POST /api/v1/cfssl/authsign" 400');
  });

  it('SIGTERM stops the server with status 0', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
