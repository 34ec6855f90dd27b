// cfssl-ts check DIR against layouts broken the way tutorial users break them, the broken parts made by real cfssl 1.2 and judged by OpenSSL.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath, runBin } from '@cfssl-ts/test-support/run-bin';

let root: string;
let good: string;
let haveCfssl = false;
let haveOpenssl = false;

const copy = (name: string): string => {
  const dir = join(root, name);
  cpSync(good, dir, { recursive: true });
  return dir;
};
const sh = (cwd: string, command: string): void => void execFileSync('sh', ['-c', command], { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
const check = (dir: string) => runBin('cfssl-ts', ['check', dir], root);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cfssl-ts-check-'));
  const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'good', '-hosts', '127.0.0.1,127.0.0.2'], root);
  if (made.status !== 0) throw new Error(made.stderr);
  good = join(root, 'good');
  haveCfssl = requireTool('cfssl') && requireTool('cfssljson');
  haveOpenssl = requireTool('openssl');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('cfssl-ts check', () => {
  it('passes the layout etcd-cert wrote, reporting roles, key, hosts, usages and days left', () => {
    const r = check(good);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`${good}/ca.pem (CA) C=CN, ST=Beijing, L=Beijing, CN=etcd CA\n`);
    expect(r.stdout).toContain(`${good}/server.pem (peer) C=CN, ST=BeiJing, L=BeiJing, CN=etcd\n`);
    expect(r.stdout).toContain('  ok       signed by ca.pem\n');
    expect(r.stdout).toContain('  ok       key server-key.pem matches\n');
    expect(r.stdout).toContain('  ok       valid for every host in server-csr.json: 127.0.0.1, 127.0.0.2\n');
    expect(r.stdout).toContain('  ok       usages [serverAuth, clientAuth] fit peer use\n');
    expect(r.stdout).toMatch(/ {2}ok {7}valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(36\d\d days\)\n/);
    expect(r.stdout.endsWith(`${good}: 2 certificates, no problems\n`)).toBe(true);
  });

  it("flags a server certificate whose SANs miss a host, with the error etcd's clients would print", () => {
    const dir = copy('missing-host');
    const csr = JSON.parse(readFileSync(join(dir, 'server-csr.json'), 'utf8')) as { hosts: string[] };
    csr.hosts.push('127.0.0.3');
    writeFileSync(join(dir, 'server-csr.json'), JSON.stringify(csr));
    if (haveOpenssl) {
      const judge = spawnSync('openssl', ['x509', '-in', join(dir, 'server.pem'), '-noout', '-checkip', '127.0.0.3'], { encoding: 'utf8' });
      expect(judge.stdout).toBe('IP 127.0.0.3 does NOT match certificate\n');
    }
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '  PROBLEM  x509: certificate is valid for 127.0.0.1, 127.0.0.2, not 127.0.0.3 (server-csr.json lists 127.0.0.3)\n',
    );
    expect(r.stderr).toBe(`${dir}: 1 problem found\n`);
  });

  it('flags a peer certificate without clientAuth (signed by real cfssl with a server-only profile)', () => {
    if (!haveCfssl) return;
    const dir = copy('no-client-auth');
    writeFileSync(
      join(root, 'server-only.json'),
      JSON.stringify({ signing: { profiles: { server: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth'] } } } }),
    );
    sh(
      dir,
      `cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=${join(root, 'server-only.json')} -profile=server server-csr.json | cfssljson -bare server`,
    );
    if (haveOpenssl) {
      const eku = execFileSync('openssl', ['x509', '-in', join(dir, 'server.pem'), '-noout', '-ext', 'extendedKeyUsage'], {
        encoding: 'utf8',
      });
      expect(eku).toContain('TLS Web Server Authentication');
      expect(eku).not.toContain('Client');
    }
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '  PROBLEM  x509: certificate specifies an incompatible key usage: it has [serverAuth], a certificate presented both as server and as client (etcd peers, kube-apiserver to etcd and kubelets) needs clientAuth\n',
    );
    expect(r.stderr).toBe(`${dir}: 1 problem found\n`);
  });

  it('flags a key that does not match its certificate (a key made by real cfssl genkey)', () => {
    if (!haveCfssl) return;
    const dir = copy('wrong-key');
    const scratch = mkdtempSync(join(root, 'genkey-'));
    writeFileSync(join(scratch, 'csr.json'), JSON.stringify({ CN: 'etcd', key: { algo: 'rsa', size: 2048 } }));
    sh(scratch, 'cfssl genkey csr.json | cfssljson -bare other');
    cpSync(join(scratch, 'other-key.pem'), join(dir, 'server-key.pem'));
    if (haveOpenssl) {
      const modulus = (args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });
      expect(modulus(['x509', '-in', join(dir, 'server.pem'), '-noout', '-modulus'])).not.toBe(
        modulus(['rsa', '-in', join(dir, 'server-key.pem'), '-noout', '-modulus']),
      );
    }
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  PROBLEM  tls: private key does not match public key (server-key.pem is not the key of server.pem)\n');
  });

  it('flags a certificate from another CA (a second CA and server made by real cfssl)', () => {
    if (!haveCfssl) return;
    const dir = copy('foreign-ca');
    const other = mkdtempSync(join(root, 'other-ca-'));
    for (const f of ['ca-config.json', 'server-csr.json']) cpSync(join(good, f), join(other, f));
    writeFileSync(join(other, 'ca-csr.json'), JSON.stringify({ CN: 'another CA', key: { algo: 'rsa', size: 2048 } }));
    sh(other, 'cfssl gencert -initca ca-csr.json | cfssljson -bare ca');
    sh(other, 'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json | cfssljson -bare server');
    for (const f of ['server.pem', 'server-key.pem', 'server.csr']) cpSync(join(other, f), join(dir, f));
    if (haveOpenssl) {
      const judge = spawnSync('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'server.pem')], { encoding: 'utf8' });
      expect(judge.status).not.toBe(0);
    }
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '  PROBLEM  x509: certificate signed by unknown authority (issuer "CN=another CA", ca.pem is "C=CN, ST=Beijing, L=Beijing, CN=etcd CA")\n',
    );
    expect(r.stderr).toBe(`${dir}: 1 problem found\n`);
  });

  it('flags a server certificate without SANs instead of calling it a client (issued by real cfssl from empty hosts)', () => {
    if (!haveCfssl) return;
    const dir = copy('no-sans');
    const csr = JSON.parse(readFileSync(join(dir, 'server-csr.json'), 'utf8')) as { hosts: string[] };
    csr.hosts = [];
    writeFileSync(join(dir, 'server-csr.json'), JSON.stringify(csr));
    sh(dir, 'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json | cfssljson -bare server');
    if (haveOpenssl) {
      const san = spawnSync('openssl', ['x509', '-in', join(dir, 'server.pem'), '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' });
      expect(san.stdout).toBe('');
    }
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${dir}/server.pem (peer) C=CN, ST=BeiJing, L=BeiJing, CN=etcd\n`);
    expect(r.stdout).toContain(
      '  PROBLEM  x509: certificate is not valid for any names: server.pem has no SANs, and a certificate presented both as server and as client (etcd peers, kube-apiserver to etcd and kubelets) is verified against them; issue it with hosts\n',
    );
    expect(r.stderr).toBe(`${dir}: 1 problem found\n`);
  });

  it('reports *.pem entries that are not files (FIFO, directory, device, symlink loop) and never opens a FIFO', () => {
    const dir = copy('not-files');
    sh(
      dir,
      'mkfifo fifo.pem && mkdir dir.pem && ln -s /dev/null null.pem && ln -s loop.pem loop.pem && ln -s nowhere dangling-csr.json && ln -s server.pem link.pem && ln -s server-key.pem link-key.pem',
    );
    const r = spawnSync(binPath('cfssl-ts'), ['check', dir], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    for (const problem of [
      'stat dangling-csr.json: no such file or directory',
      'dir.pem: not a regular file (a directory)',
      'fifo.pem: not a regular file (a named pipe)',
      'stat loop.pem: too many levels of symbolic links',
      'null.pem: not a regular file (a character device)',
    ])
      expect(r.stdout).toContain(`${dir}: PROBLEM ${problem}\n`);
    // a symbolic link to a certificate is checked as the certificate
    expect(r.stdout).toContain(`${dir}/link.pem (peer) C=CN, ST=BeiJing, L=BeiJing, CN=etcd\n`);
    expect(r.stderr).toBe(`${dir}: 5 problems found\n`);
  });

  it('says what is wrong with its argument', () => {
    expect(runBin('cfssl-ts', ['check'], root)).toMatchObject({
      status: 1,
      stderr: 'not enough arguments are supplied --- please refer to the usage\n',
    });
    expect(runBin('cfssl-ts', ['check', join(root, 'nowhere')], root)).toMatchObject({
      status: 1,
      stderr: `open ${join(root, 'nowhere')}: no such file or directory\n`,
    });
  });
});
