// multirootca over HTTPS (-tls-cert/-tls-key), both ways with real cfssl 1.2: its client (trusting the CA through
// Go's SSL_CERT_FILE) against cfssl-ts multirootca, and cfssl-ts (-tls-remote-ca) against real multirootca.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMultirootca, type RunningMultirootca, writeAuthRemoteConfig } from '@cfssl-ts/test-support/multirootca';
import { fixturePath, REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudges = requireTool('cfssl') && requireTool('cfssljson') && requireTool('multirootca') && requireTool('openssl');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);
const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

describe.skipIf(!haveJudges)('multirootca over TLS', () => {
  let dir: string;
  const started: RunningMultirootca[] = [];
  let ts: RunningMultirootca;
  let real: RunningMultirootca;
  const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  const clientConfig = (port: number) =>
    writeAuthRemoteConfig(dir, `tls-client-${String(port)}.json`, `https://127.0.0.1:${String(port)}`, KEY_HEX);
  const verified = (stdout: string) => {
    writeFileSync(join(dir, 'out.pem'), (JSON.parse(stdout) as { cert: string }).cert);
    return run('openssl', ['verify', '-CAfile', 'ca.pem', 'out.pem']).stdout.trim();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-multiroot-tls-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr', 'leaf-csr.json']) copyFileSync(inputs(f), join(dir, f));
    // The server certificate, made by real cfssl: SANs 127.0.0.1 and localhost, profile "server".
    const made = run('cfssl', [
      'gencert',
      '-ca',
      'ca.pem',
      '-ca-key',
      'ca-key.pem',
      '-config',
      'config.json',
      '-profile',
      'server',
      '-hostname',
      '127.0.0.1,localhost',
      'leaf-csr.json',
    ]);
    expect(made.status, made.stderr).toBe(0);
    const bare = spawnSync('cfssljson', ['-bare', 'tls'], { cwd: dir, input: made.stdout, encoding: 'utf8' });
    expect(bare.status, bare.stderr).toBe(0);
    writeFileSync(join(dir, 'roots.conf'), '[ primary ]\nprivate = file://ca-key.pem\ncertificate = ca.pem\nconfig = config.json\n');
    const tls = ['-roots', 'roots.conf', '-l', 'primary', '-tls-cert', 'tls.pem', '-tls-key', 'tls-key.pem'];
    ts = await startMultirootca('cfssl-ts', tls, dir);
    started.push(ts);
    real = await startMultirootca('cfssl', tls, dir);
    started.push(real);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('cfssl-ts multirootca says where it listens over https', () => {
    expect(ts.log()).toMatch(/\[INFO\] Now listening on https:\/\/ 127\.0\.0\.1:\d+/);
  });

  it('real cfssl 1.2 signs through cfssl-ts multirootca over https', () => {
    const r = run('cfssl', ['sign', '-config', clientConfig(ts.port), '-profile', 'auth', 'leaf.csr'], {
      SSL_CERT_FILE: join(dir, 'ca.pem'),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(verified(r.stdout)).toBe('out.pem: OK');
  });

  it('cfssl-ts signs through real multirootca over https with -tls-remote-ca, and refuses an untrusted server', () => {
    const bin = join(REPO_ROOT, 'packages', 'cli', 'bin', 'cfssl-ts.js');
    const r = run(process.execPath, [
      bin,
      'sign',
      '-config',
      clientConfig(real.port),
      '-tls-remote-ca',
      'ca.pem',
      '-profile',
      'auth',
      'leaf.csr',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(verified(r.stdout)).toBe('out.pem: OK');
    const untrusted = run(process.execPath, [bin, 'sign', '-config', clientConfig(real.port), '-profile', 'auth', 'leaf.csr']);
    expect(untrusted.status).toBe(1);
    expect(untrusted.stderr).toContain('x509: certificate signed by unknown authority');
  });
});
