// The remote signing client (reference §6.5) against real cfssl 1.2 `cfssl serve`: cfssl-ts gencert/sign/info
// -remote with a bare IP:port, http:// and https:// (-tls-remote-ca, mutual TLS), auth_remote profiles with
// the right and a wrong key, ordered fail-over; output and error texts compared with real cfssl's against the
// same server, certificates judged by openssl. A bare IP:port is refused by cfssl 1.x (issue #961) and
// accepted by cfssl-ts (docs/compat.md).
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startCfsslServe, type RunningCfsslServe } from '@cfssl-ts/test-support/cfssl-serve';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath } from '@cfssl-ts/test-support/run-bin';
import { cfsslTs, runAsync, type RunResult } from '@cfssl-ts/test-support/run-async';

const haveCfssl = requireTool('cfssl') && requireTool('cfssljson');
const haveOpenssl = requireTool('openssl');
const KEY = '0123456789abcdef0123456789abcdef';

let dir = '';
let plain: RunningCfsslServe | null = null;
let tls: RunningCfsslServe | null = null;
let mutual: RunningCfsslServe | null = null;
let closedPort = 0;

const cfssl = (args: string[]) => runAsync('cfssl', args, dir);
const ours = (args: string[]) => cfsslTs(args, dir);
// Log lines without their timestamp: `2026/01/02 03:04:05 [INFO] x` → `[INFO] x`.
const logLines = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .map((l) => l.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''));
const lastLine = (s: string) => s.trim().split('\n').at(-1) ?? '';

async function bare(json: string, prefix: string, cmd: 'cfssljson' | 'cfssljson-ts' = 'cfssljson'): Promise<void> {
  const r = await runAsync(cmd === 'cfssljson' ? 'cfssljson' : binPath('cfssljson-ts'), ['-bare', prefix], dir, {}, json);
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
}

async function must(r: Promise<RunResult>): Promise<RunResult> {
  const res = await r;
  if (res.status !== 0) throw new Error(`exit ${String(res.status)}: ${res.stderr}`);
  return res;
}

const opensslText = async (file: string) => (await must(runAsync('openssl', ['x509', '-noout', '-text', '-in', file], dir))).stdout;
const verify = (file: string) => runAsync('openssl', ['verify', '-CAfile', 'ca.pem', file], dir);

function clientConfig(name: string, remote: string, key: string): void {
  const config = {
    signing: { default: { auth_remote: { remote: 'ca', auth_key: 'k' } } },
    auth_keys: { k: { type: 'standard', key } },
    remotes: { ca: remote },
  };
  writeFileSync(join(dir, name), JSON.stringify(config));
}

beforeAll(async () => {
  if (!haveCfssl || !haveOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'remote-client-'));
  const fixtures = join(REPO_ROOT, 'fixtures', 'remote-client');
  for (const f of readdirSync(fixtures)) if (f.endsWith('.json')) copyFileSync(join(fixtures, f), join(dir, f));
  await bare((await must(cfssl(['gencert', '-initca', 'ca-csr.json']))).stdout, 'ca');
  const signed = (profile: string, csr: string) =>
    must(cfssl(['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'server-config.json', '-profile', profile, csr]));
  await bare((await signed('www', 'tls-csr.json')).stdout, 'tls');
  await bare((await signed('client', 'client-csr.json')).stdout, 'client');
  const serveArgs = ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'server-config.json'];
  [plain, tls, mutual] = await Promise.all([
    startCfsslServe(serveArgs, dir),
    startCfsslServe([...serveArgs, '-tls-cert', 'tls.pem', '-tls-key', 'tls-key.pem'], dir),
    startCfsslServe([...serveArgs, '-tls-cert', 'tls.pem', '-tls-key', 'tls-key.pem', '-mutual-tls-ca', 'ca.pem'], dir),
  ]);
  closedPort = await freePort();
  clientConfig('client-right.json', `http://127.0.0.1:${String(plain.port)}`, KEY);
  clientConfig('client-wrong.json', `http://127.0.0.1:${String(plain.port)}`, 'ff'.repeat(16));
}, 120_000);

afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop(), mutual?.stop()]);
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveCfssl || !haveOpenssl)('cfssl-ts as a client of real cfssl 1.2 serve', () => {
  const http = () => `http://127.0.0.1:${String(plain!.port)}`;

  it('gencert -remote http:// prints what cfssl prints: same JSON keys, logs, and cfssljson-ts writes the same files', async () => {
    const theirs = await must(cfssl(['gencert', '-remote', http(), '-hostname', 'node1.example,10.0.0.1', 'node-csr.json']));
    const mine = await must(ours(['gencert', '-remote', http(), '-hostname', 'node1.example,10.0.0.1', 'node-csr.json']));
    expect(Object.keys(JSON.parse(mine.stdout) as object)).toEqual(Object.keys(JSON.parse(theirs.stdout) as object));
    expect(logLines(mine.stderr)).toEqual(logLines(theirs.stderr));
    await bare(theirs.stdout, 'theirs');
    await bare(mine.stdout, 'mine', 'cfssljson-ts');
    const files = readdirSync(dir);
    for (const suffix of ['.pem', '-key.pem', '.csr']) {
      expect(files).toContain(`theirs${suffix}`);
      expect(files).toContain(`mine${suffix}`);
    }
    expect((await verify('mine.pem')).stdout).toBe('mine.pem: OK\n');
    // The server's policy decides the contents: the same SANs and usages in both.
    const sans = (t: string) => /Subject Alternative Name:.*\n\s*(.*)/.exec(t)?.[1];
    const [a, b] = [await opensslText('mine.pem'), await opensslText('theirs.pem')];
    expect(sans(a)).toBe('DNS:node1.example, IP Address:10.0.0.1');
    expect(sans(a)).toBe(sans(b));
    expect(/Extended Key Usage:.*\n\s*(.*)/.exec(a)?.[1]).toBe('TLS Web Server Authentication');
    // The key printed is the key of the certificate.
    const pub = async (args: string[]) => (await must(runAsync('openssl', args, dir))).stdout;
    expect(await pub(['pkey', '-in', 'mine-key.pem', '-pubout'])).toBe(await pub(['x509', '-in', 'mine.pem', '-noout', '-pubkey']));
  });

  it('accepts a bare IP:port, which cfssl 1.2 refuses with 5300 (issue #961)', async () => {
    const addr = `127.0.0.1:${String(plain!.port)}`;
    const theirs = await cfssl(['gencert', '-remote', addr, 'node-csr.json']);
    expect(theirs.status).toBe(1);
    expect(lastLine(theirs.stderr)).toBe('{"code":5300,"message":"failed to connect to remote"}');
    const mine = await must(ours(['gencert', '-remote', addr, 'node-csr.json']));
    writeFileSync(join(dir, 'bare.pem'), (JSON.parse(mine.stdout) as { cert: string }).cert);
    expect((await verify('bare.pem')).stdout).toBe('bare.pem: OK\n');
  });

  it('sign -remote signs a CSR file with -hostname, as cfssl sign -remote does', async () => {
    const gen = await must(ours(['gencert', '-remote', http(), 'node-csr.json']));
    await bare(gen.stdout, 'forsign', 'cfssljson-ts');
    const theirs = await must(cfssl(['sign', '-remote', http(), '-hostname', 'signed.example', 'forsign.csr']));
    const mine = await must(ours(['sign', '-remote', `127.0.0.1:${String(plain!.port)}`, '-hostname', 'signed.example', 'forsign.csr']));
    expect(Object.keys(JSON.parse(mine.stdout) as object)).toEqual(Object.keys(JSON.parse(theirs.stdout) as object));
    // A remote signature logs nothing on the client, in both.
    expect(mine.stderr).toBe('');
    expect(theirs.stderr).toBe('');
    writeFileSync(join(dir, 'signed.pem'), (JSON.parse(mine.stdout) as { cert: string }).cert);
    expect((await verify('signed.pem')).stdout).toBe('signed.pem: OK\n');
    expect(await opensslText('signed.pem')).toMatch(/Subject Alternative Name:.*\n\s*DNS:signed\.example\n/);
  });

  it('info -remote prints exactly what cfssl info -remote prints', async () => {
    for (const profile of ['', 'client', 'authed']) {
      const args = ['info', '-remote', http(), ...(profile === '' ? [] : ['-profile', profile])];
      const theirs = await must(cfssl(args));
      const mine = await must(ours(args));
      expect(mine.stdout).toBe(theirs.stdout);
      expect(mine.stdout).toContain('"usages":["signing","key encipherment"');
    }
  });

  it('an auth_remote profile with the right key signs through /authsign; info goes to plain /info', async () => {
    const mine = await must(ours(['gencert', '-config', 'client-right.json', '-profile', 'authed', 'node-csr.json']));
    const theirs = await must(cfssl(['gencert', '-config', 'client-right.json', '-profile', 'authed', 'node-csr.json']));
    expect(logLines(mine.stderr)).toEqual(logLines(theirs.stderr));
    writeFileSync(join(dir, 'authed.pem'), (JSON.parse(mine.stdout) as { cert: string }).cert);
    expect((await verify('authed.pem')).stdout).toBe('authed.pem: OK\n');
    expect(await opensslText('authed.pem')).toMatch(/Extended Key Usage:.*\n\s*TLS Web Client Authentication\n/);
    expect(plain!.log()).toContain('"POST /api/v1/cfssl/authsign" 200');
    const info = ['info', '-config', 'client-right.json', '-profile', 'authed'];
    expect((await must(ours(info))).stdout).toBe((await must(cfssl(info))).stdout);
  });

  it('a wrong auth_remote key is refused with the same error and log as cfssl', async () => {
    const args = ['gencert', '-config', 'client-wrong.json', '-profile', 'authed', 'node-csr.json'];
    const [mine, theirs] = [await ours(args), await cfssl(args)];
    expect(mine.status).toBe(1);
    expect(mine.stdout).toBe('');
    expect(theirs.status).toBe(1);
    expect(lastLine(theirs.stderr)).toContain('invalid token');
    expect(logLines(mine.stderr)).toEqual(logLines(theirs.stderr));
  });

  it('an authenticated server profile through plain /sign is refused as cfssl refuses it', async () => {
    const args = ['gencert', '-remote', http(), '-profile', 'authed', 'node-csr.json'];
    const [mine, theirs] = [await ours(args), await cfssl(args)];
    expect(mine.status).toBe(1);
    expect(lastLine(theirs.stderr)).toContain('authentication required');
    expect(logLines(mine.stderr)).toEqual(logLines(theirs.stderr));
  });

  it('fails over to the second remote of a group when the first is down, and reports a refused connection as cfssl does', async () => {
    const down = `http://127.0.0.1:${String(closedPort)}`;
    const mine = await must(ours(['gencert', '-remote', `${down},127.0.0.1:${String(plain!.port)}`, 'node-csr.json']));
    expect(JSON.parse(mine.stdout)).toHaveProperty('cert');
    const [alone, theirs] = [
      await ours(['gencert', '-remote', down, 'node-csr.json']),
      await cfssl(['gencert', '-remote', down, 'node-csr.json']),
    ];
    expect(alone.status).toBe(1);
    expect(lastLine(alone.stderr)).toBe(lastLine(theirs.stderr));
    expect(lastLine(alone.stderr)).toContain('connect: connection refused');
    const [infoMine, infoTheirs] = [await ours(['info', '-remote', down]), await cfssl(['info', '-remote', down])];
    expect(infoMine.status).toBe(1);
    expect(lastLine(infoMine.stderr)).toBe(lastLine(infoTheirs.stderr));
  });

  it('https with -tls-remote-ca: works with the CA, refused without it as cfssl refuses', async () => {
    const https = `https://127.0.0.1:${String(tls!.port)}`;
    const mine = await must(ours(['gencert', '-remote', https, '-tls-remote-ca', 'ca.pem', 'node-csr.json']));
    writeFileSync(join(dir, 'tls-issued.pem'), (JSON.parse(mine.stdout) as { cert: string }).cert);
    expect((await verify('tls-issued.pem')).stdout).toBe('tls-issued.pem: OK\n');
    const info = ['info', '-remote', https, '-tls-remote-ca', 'ca.pem'];
    expect((await must(ours(info))).stdout).toBe((await must(cfssl(info))).stdout);
    const [untrusted, theirs] = [await ours(['info', '-remote', https]), await cfssl(['info', '-remote', https])];
    expect(untrusted.status).toBe(1);
    expect(lastLine(untrusted.stderr)).toContain('"code":7400');
    expect(lastLine(untrusted.stderr)).toContain('x509: certificate signed by unknown authority');
    expect(lastLine(theirs.stderr)).toContain('x509: certificate signed by unknown authority');
  });

  it('mutual TLS: a client certificate from the CA is accepted, none is refused', async () => {
    const https = `https://127.0.0.1:${String(mutual!.port)}`;
    const withCert = ['-tls-remote-ca', 'ca.pem', '-mutual-tls-client-cert', 'client.pem', '-mutual-tls-client-key', 'client-key.pem'];
    const mine = await must(ours(['sign', '-remote', https, ...withCert, 'forsign.csr']));
    expect(JSON.parse(mine.stdout)).toHaveProperty('cert');
    const without = await ours(['sign', '-remote', https, '-tls-remote-ca', 'ca.pem', 'forsign.csr']);
    expect(without.status).toBe(1);
    expect(lastLine(without.stderr)).toContain('"code":7400');
  });
});
