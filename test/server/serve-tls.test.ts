// cfssl-ts serve over TLS and mutual TLS, with certificates from a cfssl-ts CA; clients: node:https,
// real cfssl 1.2 (info -remote https://, trusting the CA through SSL_CERT_FILE) and the cfssl-ts remote client.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const haveCfssl = requireTool('cfssl');

let dir: string;
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

// Make `<name>.pem` / `<name>-key.pem` with cfssl-ts from a CSR JSON, under the test CA and a profile.
function issue(name: string, cn: string, profile: string, hosts: string[]): void {
  writeFileSync(join(dir, `${name}-csr.json`), JSON.stringify({ CN: cn, hosts, key: { algo: 'ecdsa', size: 256 } }));
  const made = runBin(
    'cfssl-ts',
    ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'ca-config.json', '-profile', profile, `${name}-csr.json`],
    dir,
  );
  expect(made.status, made.stderr).toBe(0);
  expect(runBin('cfssljson-ts', ['-bare', name], dir, made.stdout).status).toBe(0);
}

type Started = RunningCfsslTsServe;

const startServe = (extra: string[]) =>
  startCfsslTsServe(['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'ca-config.json', ...extra], dir);

interface Reply {
  status: number;
  body: string;
}

// POST /api/v1/cfssl/info over https, with an optional client certificate.
function infoOverHttps(port: number, client?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/cfssl/info',
        ca: file('ca.pem'),
        ...(client ? { cert: file(`${client}.pem`), key: file(`${client}-key.pem`) } : {}),
        headers: { 'content-type': 'application/json', connection: 'close' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-serve-tls-'));
  writeFileSync(
    join(dir, 'ca-config.json'),
    JSON.stringify({
      signing: {
        default: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] },
        profiles: {
          server: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
          client: { expiry: '8760h', usages: ['signing', 'key encipherment', 'client auth'] },
        },
      },
    }),
  );
  writeFileSync(join(dir, 'ca-csr.json'), JSON.stringify({ CN: 'TLS Test CA', key: { algo: 'ecdsa', size: 256 } }));
  const ca = runBin('cfssl-ts', ['gencert', '-initca', 'ca-csr.json'], dir);
  expect(ca.status, ca.stderr).toBe(0);
  expect(runBin('cfssljson-ts', ['-bare', 'ca'], dir, ca.stdout).status).toBe(0);
  issue('server', 'ca-host', 'server', ['127.0.0.1', 'localhost']);
  issue('node1', 'node-1', 'client', []);
  issue('intruder', 'intruder', 'client', []);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cfssl-ts serve -tls-cert/-tls-key', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServe(['-tls-cert', 'server.pem', '-tls-key', 'server-key.pem', '-min-tls-version', '1.2']);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('answers over https and logs where it listens', async () => {
    expect(s.log()).toContain(`Now listening on https://127.0.0.1:${s.port}`);
    const reply = await infoOverHttps(s.port);
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.body) as { result: { certificate: string } }).result.certificate).toBe(file('ca.pem').trim());
  });

  it('the cfssl-ts client reaches it with -tls-remote-ca (info, sign, gencert)', () => {
    const remote = `https://127.0.0.1:${s.port}`;
    const info = runBin('cfssl-ts', ['info', '-remote', remote, '-tls-remote-ca', 'ca.pem'], dir);
    expect(info.status, info.stderr).toBe(0);
    expect((JSON.parse(info.stdout) as { certificate: string }).certificate).toBe(file('ca.pem').trim());
    const made = runBin(
      'cfssl-ts',
      ['gencert', '-remote', remote, '-tls-remote-ca', 'ca.pem', '-profile', 'client', 'node1-csr.json'],
      dir,
    );
    expect(made.status, made.stderr).toBe(0);
    writeFileSync(join(dir, 'remote.csr'), (JSON.parse(made.stdout) as { csr: string }).csr);
    const signed = runBin('cfssl-ts', ['sign', '-remote', remote, '-tls-remote-ca', 'ca.pem', '-profile', 'server', 'remote.csr'], dir);
    expect(signed.status, signed.stderr).toBe(0);
    expect((JSON.parse(signed.stdout) as { cert: string }).cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('the cfssl-ts client without the CA is refused by certificate verification', () => {
    const info = runBin('cfssl-ts', ['info', '-remote', `https://127.0.0.1:${s.port}`], dir);
    expect(info.status).not.toBe(0);
    expect(info.stdout).toBe('');
  });

  it.skipIf(!haveCfssl)('real cfssl 1.2 info -remote https:// gets the CA (trusting it through SSL_CERT_FILE)', () => {
    const r = spawnSync('cfssl', ['info', '-remote', `https://127.0.0.1:${s.port}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, SSL_CERT_FILE: join(dir, 'ca.pem') },
    });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { certificate: string }).certificate).toBe(file('ca.pem').trim());
  });
});

describe('cfssl-ts serve -mutual-tls-ca/-mutual-tls-cn', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServe([
      '-tls-cert',
      'server.pem',
      '-tls-key',
      'server-key.pem',
      '-mutual-tls-ca',
      'ca.pem',
      '-mutual-tls-cn',
      '^node-[0-9]+$',
    ]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('serves a client whose certificate CN matches', async () => {
    expect(s.log()).toContain(`Now listening with mutual TLS on https://127.0.0.1:${s.port}`);
    const reply = await infoOverHttps(s.port, 'node1');
    expect(reply.status).toBe(200);
  });

  it('refuses the handshake without a client certificate, and still serves the next client', async () => {
    await expect(infoOverHttps(s.port)).rejects.toThrow();
    expect((await infoOverHttps(s.port, 'node1')).status).toBe(200);
  });

  it('answers 403 Invalid CN for a CN outside -mutual-tls-cn', async () => {
    const reply = await infoOverHttps(s.port, 'intruder');
    expect(reply).toEqual({ status: 403, body: 'Invalid CN\n' });
    expect(s.log()).toContain('Rejected client cert CN "intruder" does not match regex ^node-[0-9]+$');
  });

  it('the cfssl-ts client presents -mutual-tls-client-cert/-key', () => {
    const remote = `https://127.0.0.1:${s.port}`;
    const withCert = runBin(
      'cfssl-ts',
      [
        'info',
        '-remote',
        remote,
        '-tls-remote-ca',
        'ca.pem',
        '-mutual-tls-client-cert',
        'node1.pem',
        '-mutual-tls-client-key',
        'node1-key.pem',
      ],
      dir,
    );
    expect(withCert.status, withCert.stderr).toBe(0);
    const without = runBin('cfssl-ts', ['info', '-remote', remote, '-tls-remote-ca', 'ca.pem'], dir);
    expect(without.status).not.toBe(0);
  });
});
