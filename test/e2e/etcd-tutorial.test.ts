// The etcd binary-install tutorial's two commands, run through the built bins, judged by openssl and real cfssl.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const dir = mkdtempSync(join(tmpdir(), 'etcd-tutorial-'));
const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value, null, 4));

/** The fields of real cfssl's `certinfo` output this suite reads. */
interface CertInfo {
  subject: { common_name: string };
  issuer: { common_name: string };
  sans: string[];
}

function pipeline(args: string[], base: string): void {
  const gen = runBin('cfssl-ts', args, dir);
  expect(gen.status, gen.stderr).toBe(0);
  const split = runBin('cfssljson-ts', ['-bare', base], dir, gen.stdout);
  expect(split.status, split.stderr).toBe(0);
}

function sh(cmd: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  write('ca-config.json', {
    signing: {
      default: { expiry: '87600h' },
      profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
    },
  });
  write('ca-csr.json', { CN: 'etcd CA', key: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] });
  write('server-csr.json', {
    CN: 'etcd',
    hosts: ['192.168.31.63', '192.168.31.65', '192.168.31.66'],
    key: { algo: 'rsa', size: 2048 },
    names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
  });
  // cfssl gencert -initca ca-csr.json | cfssljson -bare ca
  pipeline(['gencert', '-initca', 'ca-csr.json'], 'ca');
  // cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json | cfssljson -bare server
  pipeline(['gencert', '-ca=ca.pem', '-ca-key=ca-key.pem', '-config=ca-config.json', '-profile=www', 'server-csr.json'], 'server');
});

describe('etcd tutorial with cfssl-ts', () => {
  it('writes the tutorial file set, keys 0600', () => {
    const files = readdirSync(dir)
      .filter((f) => !f.endsWith('.json'))
      .sort();
    expect(files).toEqual(['ca-key.pem', 'ca.csr', 'ca.pem', 'server-key.pem', 'server.csr', 'server.pem']);
    for (const key of ['ca-key.pem', 'server-key.pem']) expect(statSync(join(dir, key)).mode & 0o777).toBe(0o600);
  });

  it.each([['sslserver'], ['sslclient']])('openssl verify -purpose %s accepts the server certificate', (purpose) => {
    if (!requireTool('openssl')) return;
    const r = sh('openssl', ['verify', '-CAfile', 'ca.pem', '-purpose', purpose, 'server.pem']);
    expect(r.out.trim()).toBe('server.pem: OK');
    expect(r.status).toBe(0);
  });

  it('openssl sees the SANs and key usages the tutorial needs', () => {
    if (!requireTool('openssl')) return;
    const r = sh('openssl', ['x509', '-in', 'server.pem', '-noout', '-ext', 'subjectAltName,keyUsage,extendedKeyUsage,basicConstraints']);
    expect(r.out).toContain('IP Address:192.168.31.63, IP Address:192.168.31.65, IP Address:192.168.31.66');
    expect(r.out).toContain('Digital Signature, Key Encipherment');
    expect(r.out).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
    expect(r.out).toContain('CA:FALSE');
  });

  it('openssl accepts the CSRs and the private keys', () => {
    if (!requireTool('openssl')) return;
    expect(sh('openssl', ['req', '-in', 'server.csr', '-noout', '-verify']).out).toMatch(/verify OK/i);
    expect(sh('openssl', ['rsa', '-in', 'server-key.pem', '-check', '-noout']).out).toContain('RSA key ok');
  });

  it('real cfssl certinfo parses the certificates', () => {
    if (!requireTool('cfssl')) return;
    const r = sh('cfssl', ['certinfo', '-cert', 'server.pem']);
    expect(r.status, r.out).toBe(0);
    const info = JSON.parse(r.out.slice(r.out.indexOf('{'))) as CertInfo;
    expect(info.subject.common_name).toBe('etcd');
    expect(info.issuer.common_name).toBe('etcd CA');
    expect(info.sans).toEqual(['192.168.31.63', '192.168.31.65', '192.168.31.66']);
  });
});
