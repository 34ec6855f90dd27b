// cfssl-ts k8s-cert and cfssl-ts layout SPEC.json end to end, judged by OpenSSL (node:crypto X509Certificate).
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '@cfssl-ts/test-support/run-bin';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'k8s-cert-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The tutorial's ca-config.json, as far as this suite reads it. */
interface CaConfig {
  signing: { profiles: Record<string, { expiry: string; usages: string[] }> };
}

const cert = (dir: string, file: string): X509Certificate => new X509Certificate(readFileSync(join(dir, file)));

describe('cfssl-ts k8s-cert', () => {
  let dir: string;
  let run: { status: number; stdout: string; stderr: string };
  beforeAll(() => {
    run = runBin('cfssl-ts', ['k8s-cert', '-hosts', '192.168.31.61,192.168.31.62', '-service-ip', '10.96.0.1'], root);
    dir = join(root, 'k8s-cert');
  });

  it("writes the tutorial's k8s-cert/ set: CA, apiserver, admin, kube-proxy with their CSR JSON", () => {
    expect(run.status, run.stderr).toBe(0);
    const bases = ['ca', 'server', 'admin', 'kube-proxy'];
    expect(readdirSync(dir).sort()).toEqual(
      ['ca-config.json', ...bases.flatMap((b) => [`${b}-csr.json`, `${b}.pem`, `${b}-key.pem`, `${b}.csr`])].sort(),
    );
    expect((JSON.parse(readFileSync(join(dir, 'ca-config.json'), 'utf8')) as CaConfig).signing.profiles.kubernetes).toEqual({
      expiry: '87600h',
      usages: ['signing', 'key encipherment', 'server auth', 'client auth'],
    });
  });

  it('gives the apiserver certificate the service IP, 127.0.0.1, the hosts and the Service names, all signed by the CA', () => {
    const ca = cert(dir, 'ca.pem');
    expect(ca.subject).toBe('C=CN\nST=Beijing\nL=Beijing\nO=k8s\nOU=System\nCN=kubernetes');
    const server = cert(dir, 'server.pem');
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toBe(
      'DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster, DNS:kubernetes.default.svc.cluster.local, ' +
        'IP Address:10.96.0.1, IP Address:127.0.0.1, IP Address:192.168.31.61, IP Address:192.168.31.62',
    );
  });

  it('makes admin (O=system:masters) and kube-proxy client certificates without SANs', () => {
    const ca = cert(dir, 'ca.pem');
    const admin = cert(dir, 'admin.pem');
    const proxy = cert(dir, 'kube-proxy.pem');
    expect(admin.subject).toBe('C=CN\nST=BeiJing\nL=BeiJing\nO=system:masters\nOU=System\nCN=admin');
    expect(proxy.subject).toBe('C=CN\nST=BeiJing\nL=BeiJing\nO=k8s\nOU=System\nCN=system:kube-proxy');
    for (const c of [admin, proxy]) {
      expect(c.verify(ca.publicKey)).toBe(true);
      expect(c.subjectAltName).toBeUndefined();
      expect(c.keyUsage).toContain('1.3.6.1.5.5.7.3.2');
    }
  });

  it('passes its own check, and keeps everything on a second run', () => {
    const checked = runBin('cfssl-ts', ['check', 'k8s-cert'], root);
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout).toContain('k8s-cert: 4 certificates, no problems');
    const again = runBin('cfssl-ts', ['k8s-cert'], root);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('k8s-cert: 17 kept');
  });

  it('refuses a -service-ip that is not an IP address', () => {
    expect(runBin('cfssl-ts', ['k8s-cert', '-dir', 'x', '-service-ip', 'kubernetes'], root)).toMatchObject({
      status: 1,
      stderr: '-service-ip "kubernetes" is not an IP address\n',
    });
  });
});

describe('cfssl-ts layout SPEC.json', () => {
  const spec = {
    config: {
      signing: {
        profiles: {
          server: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
          client: { expiry: '8760h', usages: ['signing', 'client auth'] },
        },
      },
    },
    ca: { csr: { CN: 'Example CA', key: { algo: 'ecdsa', size: 256 } } },
    certificates: [
      { base: 'web', profile: 'server', csr: { CN: 'web', hosts: ['web.example', '10.1.1.1'], key: { algo: 'ecdsa', size: 256 } } },
      { base: 'bot', profile: 'client', csr: { CN: 'bot', key: { algo: 'ecdsa', size: 256 } } },
    ],
  };

  it('writes the config, the CSR JSON and the certificates; flags may follow SPEC.json', () => {
    const cwd = mkdtempSync(join(root, 'spec-'));
    writeFileSync(join(cwd, 'spec.json'), JSON.stringify(spec));
    const r = runBin('cfssl-ts', ['layout', 'spec.json', '-dir', 'out'], cwd);
    expect(r.status, r.stderr).toBe(0);
    const out = join(cwd, 'out');
    expect(readdirSync(out).sort()).toEqual(
      [
        'ca-config.json',
        'ca-csr.json',
        'ca.pem',
        'ca-key.pem',
        'ca.csr',
        'web-csr.json',
        'web.pem',
        'web-key.pem',
        'web.csr',
        'bot-csr.json',
        'bot.pem',
        'bot-key.pem',
        'bot.csr',
      ].sort(),
    );
    const web = cert(out, 'web.pem');
    expect(web.verify(cert(out, 'ca.pem').publicKey)).toBe(true);
    expect(web.checkHost('web.example')).toBe('web.example');
    expect(web.checkIP('10.1.1.1')).toBe('10.1.1.1');
    expect(readFileSync(join(out, 'web-key.pem'), 'utf8')).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    // flags before SPEC.json work too, and a second run keeps everything
    const again = runBin('cfssl-ts', ['layout', '-dir', 'out', 'spec.json'], cwd);
    expect(again.stdout).toContain('out: 13 kept');
  });

  it('lists every problem of a bad spec with its JSON path, and writes nothing', () => {
    const cwd = mkdtempSync(join(root, 'bad-'));
    writeFileSync(
      join(cwd, 'spec.json'),
      JSON.stringify({
        ...spec,
        certificates: [
          { base: 'web', profile: 'www', csr: { CN: 'web' } },
          { profile: 'server', csr: [] },
        ],
      }),
    );
    const r = runBin('cfssl-ts', ['layout', 'spec.json'], cwd);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'spec.json:\n' +
        '  certificates[0].profile: no profile "www" in config.signing.profiles (has: server, client)\n' +
        "  certificates[1].base: must be a plain file name (letters, digits, '.', '_', '-'), got nothing\n" +
        '  certificates[1].csr: must be a CSR JSON object (cfssl CSRJSON: CN, hosts, key, names)\n',
    );
    expect(readdirSync(cwd)).toEqual(['spec.json']);
  });
});
