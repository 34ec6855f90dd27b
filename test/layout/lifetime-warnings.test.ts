// The tutorial's trap: ca-csr.json has no ca.expiry (cfssl's 5 years), profile www gives 10 years. etcd-cert, k8s-cert and check
// say so, with the dates OpenSSL reads; the tutorial's JSON files stay the tutorial's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

let root = '';
let haveOpenssl = false;

// OpenSSL's notAfter as the warning prints it: 2031-12-05 22:29:00 UTC
function notAfter(file: string): string {
  const text = execFileSync('openssl', ['x509', '-noout', '-enddate', '-in', file], { encoding: 'utf8' })
    .trim()
    .replace(/^notAfter=/, '');
  return `${new Date(text).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function warning(dir: string, leaf: string): string {
  const d = join(root, dir);
  return (
    `${leaf} outlives its issuer ca.pem: ${leaf} is valid until ${notAfter(join(d, leaf))}, but ca.pem expires ${notAfter(join(d, 'ca.pem'))}; ` +
    `from then on every TLS connection using ${leaf} fails with "x509: certificate has expired or is not yet valid" (rotate the CA before then: cfssl-ts rotate-ca)`
  );
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cfssl-ts-lifetime-'));
  haveOpenssl = requireTool('openssl');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a certificate that outlives its CA', () => {
  it('etcd-cert warns when it creates the set, and check warns in the same words (exit 0: nothing fails yet)', () => {
    const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'etcd-cert', '-hosts', '127.0.0.1'], root);
    expect(made.status, made.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'etcd-cert', 'ca-csr.json'), 'utf8'))).not.toHaveProperty('ca');
    if (!haveOpenssl) return;
    const text = warning('etcd-cert', 'server.pem');
    expect(made.stderr).toMatch(
      new RegExp(`^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d \\[WARNING\\] ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`),
    );
    const check = runBin('cfssl-ts', ['check', 'etcd-cert'], root);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`  WARNING  ${text}\n`);
    // a run that keeps every file creates nothing, and says nothing
    const again = runBin('cfssl-ts', ['etcd-cert', '-dir', 'etcd-cert'], root);
    expect([again.status, again.stderr]).toEqual([0, '']);
  });

  it('k8s-cert warns for each of its certificates', () => {
    const made = runBin('cfssl-ts', ['k8s-cert', '-dir', 'k8s-cert', '-hosts', '10.0.0.11'], root);
    expect(made.status, made.stderr).toBe(0);
    if (!haveOpenssl) return;
    for (const leaf of ['admin.pem', 'kube-proxy.pem', 'server.pem'])
      expect(made.stderr).toContain(`[WARNING] ${warning('k8s-cert', leaf)}\n`);
  });

  it('no warning when the CA lives longer (ca.expiry in ca-csr.json)', () => {
    writeFileSync(
      join(root, 'long-ca.json'),
      JSON.stringify({
        config: {
          signing: { profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } } },
        },
        ca: { csr: { CN: 'etcd CA', key: { algo: 'ecdsa', size: 256 }, ca: { expiry: '175200h' } } },
        certificates: [{ base: 'server', profile: 'www', csr: { CN: 'etcd', hosts: ['127.0.0.1'], key: { algo: 'ecdsa', size: 256 } } }],
      }),
    );
    const made = runBin('cfssl-ts', ['layout', '-dir', 'long', 'long-ca.json'], root);
    expect([made.status, made.stderr]).toEqual([0, '']);
    const check = runBin('cfssl-ts', ['check', 'long'], root);
    expect(check.status).toBe(0);
    expect(check.stdout).not.toContain('WARNING');
  });
});
