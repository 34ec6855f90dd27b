// cfssl-ts rotate-ca's three phases on the etcd tutorial's directory, with OpenSSL as the judge of what each phase trusts.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

let root = '';
let dir = '';
let haveOpenssl = false;

const contents = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
const cli = (...args: string[]) => runBin('cfssl-ts', args, root);
// OpenSSL's verdict on `cert` with `caFile` as the only trust anchors
function verifies(caFile: string, cert: string): boolean {
  return spawnSync('openssl', ['verify', '-CAfile', join(dir, caFile), join(root, cert)], { encoding: 'utf8' }).status === 0;
}
const certificatesIn = (file: string): number => (readFileSync(join(dir, file), 'utf8').match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cfssl-ts-rotate-'));
  const made = cli('etcd-cert', '-dir', 'etcd-cert', '-hosts', '127.0.0.1,127.0.0.2');
  if (made.status !== 0) throw new Error(made.stderr);
  dir = join(root, 'etcd-cert');
  copyFileSync(join(dir, 'server.pem'), join(root, 'server-of-old-ca.pem'));
  copyFileSync(join(dir, 'ca.pem'), join(root, 'old-ca.pem'));
  haveOpenssl = requireTool('openssl');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

// The steps run in order: each test leaves the directory in the next phase.
describe('cfssl-ts rotate-ca', () => {
  it('refuses -reissue and -finish before phase one, saying no rotation is in progress; nothing changes', () => {
    const before = contents();
    for (const flag of ['-reissue', '-finish']) {
      const r = cli('rotate-ca', flag, 'etcd-cert');
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `etcd-cert: rotate-ca ${flag} cannot run now: no CA rotation in progress (ca.pem holds one CA certificate); next is rotate-ca (cfssl-ts rotate-ca etcd-cert)\nnothing was written\n`,
      );
    }
    expect(contents()).toEqual(before);
    const both = cli('rotate-ca', '-reissue', '-finish', 'etcd-cert');
    expect([both.status, both.stderr]).toEqual([1, '-reissue and -finish are two phases: give one of them\n']);
  });

  it('phase one: new CA first in ca.pem, old after it and kept; the old server.pem still verifies against ca.pem', () => {
    const before = contents();
    const r = cli('rotate-ca', 'etcd-cert');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'created   etcd-cert/ca-old.pem\ncreated   etcd-cert/ca-old-key.pem\nreplaced  etcd-cert/ca.pem\nreplaced  etcd-cert/ca-key.pem\n',
    );
    expect(r.stdout).toContain('then run: cfssl-ts rotate-ca -reissue etcd-cert\n');
    const after = contents();
    expect(after['ca-old.pem']).toBe(before['ca.pem']);
    expect(after['ca-old-key.pem']).toBe(before['ca-key.pem']);
    expect(after['server.pem']).toBe(before['server.pem']);
    expect(after['server-key.pem']).toBe(before['server-key.pem']);
    expect(after['ca.pem']?.endsWith(before['ca.pem'] ?? '-')).toBe(true);
    expect(certificatesIn('ca.pem')).toBe(2);
    for (const key of ['ca-key.pem', 'ca-old-key.pem']) expect(statSync(join(dir, key)).mode & 0o777, key).toBe(0o600);
    if (haveOpenssl) {
      expect(verifies('ca.pem', 'etcd-cert/server.pem')).toBe(true);
      // the new CA's key is ca-key.pem
      const certKey = execFileSync('openssl', ['x509', '-noout', '-pubkey', '-in', join(dir, 'ca.pem')], { encoding: 'utf8' });
      const keyKey = execFileSync('openssl', ['pkey', '-pubout', '-in', join(dir, 'ca-key.pem')], { encoding: 'utf8' });
      expect(certKey).toBe(keyKey);
    }
    const check = cli('check', 'etcd-cert');
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('  ok       signed by the old CA (ca-old.pem, still trusted in ca.pem)\n');
    expect(check.stdout).toContain(
      'etcd-cert: CA rotation phase one of three done: ca.pem trusts the new and the old CA, 1 leaf (server.pem) still signed by the old CA; ',
    );
    expect(check.stdout).toContain('; next: cfssl-ts rotate-ca -reissue etcd-cert\n');
  });

  it('during the rotation etcd-cert, renew and a second phase one refuse, naming the phase', () => {
    const before = contents();
    const again = cli('rotate-ca', 'etcd-cert');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /^etcd-cert: rotate-ca cannot run now: CA rotation phase one of three done: .*\(cfssl-ts rotate-ca -reissue etcd-cert\)\n/,
    );
    const layout = cli('etcd-cert', '-dir', 'etcd-cert', '-force');
    expect(layout.status).toBe(1);
    expect(layout.stderr).toMatch(
      /^etcd-cert: CA rotation phase one of three done: .*; continue it with cfssl-ts rotate-ca -reissue etcd-cert before re-running this command\n/,
    );
    const renew = cli('renew', '-force', 'etcd-cert');
    expect(renew.status).toBe(1);
    expect(renew.stderr).toMatch(/renew signs only outside a CA rotation/);
    expect(contents()).toEqual(before);
  });

  it('phase two: server.pem re-issued by the new CA with the same key; OpenSSL accepts it with ca.pem, not with the old CA alone', () => {
    const before = contents();
    const r = cli('rotate-ca', '-reissue', 'etcd-cert');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/replaced {2}etcd-cert\/server\.pem\n {10}server\.pem: signed by the new CA, valid until /);
    const after = contents();
    expect(after['server-key.pem']).toBe(before['server-key.pem']);
    expect(after['ca.pem']).toBe(before['ca.pem']);
    expect(after['server.pem']).not.toBe(before['server.pem']);
    if (haveOpenssl) {
      expect(verifies('ca.pem', 'etcd-cert/server.pem')).toBe(true);
      expect(verifies('ca-old.pem', 'etcd-cert/server.pem')).toBe(false);
      expect(
        execFileSync('openssl', ['x509', '-noout', '-ext', 'subjectAltName', '-in', join(dir, 'server.pem')], { encoding: 'utf8' }),
      ).toContain('IP Address:127.0.0.1, IP Address:127.0.0.2');
    }
    const check = cli('check', 'etcd-cert');
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('etcd-cert: CA rotation phase two of three done');
    expect(cli('rotate-ca', '-reissue', 'etcd-cert').stderr).toMatch(
      /^etcd-cert: rotate-ca -reissue cannot run now: CA rotation phase two of three done/,
    );
  });

  it('phase three: ca.pem holds the new CA alone, ca-old*.pem are removed, a certificate of the old CA no longer verifies', () => {
    const r = cli('rotate-ca', '-finish', 'etcd-cert');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('replaced  etcd-cert/ca.pem\nremoved   etcd-cert/ca-old.pem\nremoved   etcd-cert/ca-old-key.pem\n');
    expect(existsSync(join(dir, 'ca-old.pem')) || existsSync(join(dir, 'ca-old-key.pem'))).toBe(false);
    expect(certificatesIn('ca.pem')).toBe(1);
    if (haveOpenssl) {
      expect(verifies('ca.pem', 'etcd-cert/server.pem')).toBe(true);
      expect(verifies('ca.pem', 'server-of-old-ca.pem')).toBe(false);
      expect(spawnSync('openssl', ['verify', '-CAfile', join(root, 'old-ca.pem'), join(dir, 'server.pem')]).status).not.toBe(0);
    }
    const check = cli('check', 'etcd-cert');
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('rotation');
    const finishAgain = cli('rotate-ca', '-finish', 'etcd-cert');
    expect(finishAgain.stderr).toMatch(/^etcd-cert: rotate-ca -finish cannot run now: no CA rotation in progress/);
  });
});

describe('cfssl-ts rotate-ca on the Kubernetes set', () => {
  it('re-issues apiserver, admin and kube-proxy under the new CA with their profile; OpenSSL verifies each phase', () => {
    const made = cli('k8s-cert', '-dir', 'k8s-cert', '-hosts', '10.0.0.11');
    expect(made.status, made.stderr).toBe(0);
    const k8s = join(root, 'k8s-cert');
    const leaves = ['admin.pem', 'kube-proxy.pem', 'server.pem'];
    const verify = (ca: string, leaf: string): boolean =>
      spawnSync('openssl', ['verify', '-CAfile', join(k8s, ca), join(k8s, leaf)], { encoding: 'utf8' }).status === 0;
    expect(cli('rotate-ca', 'k8s-cert').status).toBe(0);
    if (haveOpenssl) for (const leaf of leaves) expect(verify('ca.pem', leaf), leaf).toBe(true);
    const reissue = cli('rotate-ca', '-reissue', 'k8s-cert');
    expect(reissue.status, reissue.stderr).toBe(0);
    expect(reissue.stdout).toContain('k8s-cert: CA rotation phase two of three done: 3 certificates re-issued under the new CA.\n');
    if (haveOpenssl) for (const leaf of leaves) expect(verify('ca-old.pem', leaf), leaf).toBe(false);
    expect(cli('rotate-ca', '-finish', 'k8s-cert').status).toBe(0);
    if (haveOpenssl) for (const leaf of leaves) expect(verify('ca.pem', leaf), leaf).toBe(true);
    const check = cli('check', 'k8s-cert');
    expect(check.status, check.stdout).toBe(0);
  });
});
