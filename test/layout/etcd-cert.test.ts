// cfssl-ts etcd-cert end to end: the tutorial's file set, idempotent re-runs, -hosts changes, and a real cfssl 1.2 pipeline as the judge.
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemToDer } from '@cfssl-ts/test-support/pem-der';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath, runBin } from '@cfssl-ts/test-support/run-bin';
import { structuralDifferences } from '@cfssl-ts/test-support/structure-compare';
import { probeUmask } from '@cfssl-ts/test-support/umask-probe';

const HOSTS = '127.0.0.1,127.0.0.2,127.0.0.3';
const TUTORIAL_FILES = [
  'ca-config.json',
  'ca-csr.json',
  'ca-key.pem',
  'ca.csr',
  'ca.pem',
  'server-csr.json',
  'server-key.pem',
  'server.csr',
  'server.pem',
];

let root: string;
const scratch = (name: string): string => mkdtempSync(join(root, `${name}-`));
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const modeOf = (dir: string, file: string): number => statSync(join(dir, file)).mode & 0o777;
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, read(dir, f)]),
  );

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'etcd-cert-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('cfssl-ts etcd-cert', () => {
  let cwd: string;
  let dir: string;
  let first: { status: number; stdout: string; stderr: string };

  beforeAll(() => {
    cwd = scratch('run');
    dir = join(cwd, 'etcd-cert');
    first = runBin('cfssl-ts', ['etcd-cert', '-hosts', HOSTS], cwd);
  });

  it("writes exactly the tutorial's etcd-cert/ files, keys 0600, the rest 0644", async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(TUTORIAL_FILES);
    const umask = await probeUmask(scratch('umask'));
    for (const file of TUTORIAL_FILES) expect(modeOf(dir, file), file).toBe((file.endsWith('-key.pem') ? 0o600 : 0o644) & ~umask);
    expect(
      first.stdout
        .split('\n')
        .filter((l) => l.startsWith('created'))
        .map((l) => l.split(/\s+/)[1]),
    ).toHaveLength(9);
    expect(first.stdout).toContain('etcd-cert: 9 created');
  });

  it("writes the tutorial's JSON inputs with the given hosts", () => {
    expect(JSON.parse(read(dir, 'ca-config.json'))).toEqual({
      signing: {
        default: { expiry: '87600h' },
        profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
      },
    });
    expect(JSON.parse(read(dir, 'ca-csr.json'))).toEqual({
      CN: 'etcd CA',
      key: { algo: 'rsa', size: 2048 },
      names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }],
    });
    expect(JSON.parse(read(dir, 'server-csr.json'))).toEqual({
      CN: 'etcd',
      hosts: ['127.0.0.1', '127.0.0.2', '127.0.0.3'],
      key: { algo: 'rsa', size: 2048 },
      names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
    });
  });

  it('issues a CA and a server certificate OpenSSL verifies, for every host, with serverAuth and clientAuth', () => {
    const ca = new X509Certificate(read(dir, 'ca.pem'));
    const server = new X509Certificate(read(dir, 'server.pem'));
    expect(ca.ca).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    for (const ip of HOSTS.split(',')) expect(server.checkIP(ip)).toBe(ip);
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(server.checkPrivateKey(createPrivateKey(read(dir, 'server-key.pem')))).toBe(true);
    expect(read(dir, 'ca-key.pem')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    if (requireTool('openssl')) {
      expect(execFileSync('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'server.pem')], { encoding: 'utf8' })).toBe(
        `${join(dir, 'server.pem')}: OK\n`,
      );
    }
  });

  it('keeps every file byte for byte when run again, and says so', () => {
    const before = snapshot(dir);
    const again = runBin('cfssl-ts', ['etcd-cert', '-hosts', HOSTS], cwd);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('etcd-cert: 9 kept');
    expect(snapshot(dir)).toEqual(before);
    // without -hosts, the hosts of the existing server-csr.json are the request
    const bare = runBin('cfssl-ts', ['etcd-cert'], cwd);
    expect(bare.status, bare.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports other -hosts without -force and changes nothing; with -force re-issues with the same key', () => {
    const before = snapshot(dir);
    const stale = runBin('cfssl-ts', ['etcd-cert', '-hosts', '127.0.0.1,127.0.0.2,127.0.0.4'], cwd);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/^stale {5}etcd-cert\/server\.pem$/m);
    expect(stale.stdout).toContain('hosts: certificate has [127.0.0.1, 127.0.0.2, 127.0.0.3], requested [127.0.0.1, 127.0.0.2, 127.0.0.4]');
    expect(stale.stderr).toContain('-force');
    expect(snapshot(dir)).toEqual(before);

    const forced = runBin('cfssl-ts', ['etcd-cert', '-hosts', '127.0.0.1,127.0.0.2,127.0.0.4', '-force'], cwd);
    expect(forced.status, forced.stderr).toBe(0);
    const after = snapshot(dir);
    expect(after['server-key.pem']).toBe(before['server-key.pem']);
    expect(after['ca-key.pem']).toBe(before['ca-key.pem']);
    expect(after['ca.pem']).toBe(before['ca.pem']);
    const server = new X509Certificate(after['server.pem'] as string);
    expect(server.checkIP('127.0.0.4')).toBe('127.0.0.4');
    expect(server.checkIP('127.0.0.3')).toBeUndefined();
    expect(server.checkPrivateKey(createPrivateKey(after['server-key.pem'] as string))).toBe(true);
  });

  it('refuses an argument instead of ignoring the flags after it', () => {
    const where = scratch('arg');
    expect(runBin('cfssl-ts', ['etcd-cert', 'etcd-cert', '-hosts', '127.0.0.1'], where)).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'etcd-cert takes only flags, not "etcd-cert" (flags after it would be ignored)\n',
    });
    expect(readdirSync(where)).toEqual([]);
  });

  it('writes into -dir', () => {
    const where = scratch('dir');
    const r = runBin('cfssl-ts', ['etcd-cert', '-dir', 'certs/etcd', '-hosts', '127.0.0.1'], where);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(where, 'certs', 'etcd')).sort()).toEqual(TUTORIAL_FILES);
  });

  it.each([
    ['a file', 'afile', 'mkdir afile: not a directory'],
    ['below a file', 'afile/sub', 'mkdir afile: not a directory'],
  ])('a -dir that is %s is a user mistake in Go words, not an internal error', (_what, dir, message) => {
    const where = scratch('dirfile');
    writeFileSync(join(where, 'afile'), 'x');
    expect(runBin('cfssl-ts', ['etcd-cert', '-dir', dir, '-hosts', '127.0.0.1'], where)).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `${message}\nnothing was written\n`,
    });
    expect(readdirSync(where)).toEqual(['afile']);
  });
});

// A real read-only mount: a tmpfs remounted read-only in a user and mount namespace (unshare -rm), where
// the machine allows one; the injected-EROFS tests of run-layout.test.ts cover the rest.
const canMountReadOnly = spawnSync('unshare', ['-rm', 'true']).status === 0;

describe.skipIf(!canMountReadOnly)('cfssl-ts etcd-cert on a read-only mount', () => {
  it('names the directory or file and says "read-only file system" (Node alone would say ENOENT for the directory)', () => {
    const where = scratch('readonly');
    const script = [
      'mount -t tmpfs none "$1" && mkdir "$1/exist" && mount -o remount,ro "$1" && cd "$1" || exit 99',
      '"$2" etcd-cert -dir new/etcd -hosts 127.0.0.1; echo "exit $?"',
      '"$2" etcd-cert -dir exist -hosts 127.0.0.1; echo "exit $?"',
    ].join('\n');
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', where, binPath('cfssl-ts')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('exit 1\nexit 1\n');
    expect(r.stderr).toBe(
      'mkdir new: read-only file system\nnothing was written\nopen exist/ca-config.json: read-only file system\nnothing was written\n',
    );
  });
});

describe('cfssl-ts etcd-cert against the real cfssl pipeline', () => {
  it('gives the certificates the two cfssl 1.2 commands give for the same JSON files', () => {
    if (!requireTool('cfssl') || !requireTool('cfssljson')) return;
    const ours = join(scratch('ours'), 'etcd-cert');
    expect(runBin('cfssl-ts', ['etcd-cert', '-dir', ours, '-hosts', HOSTS], root).status).toBe(0);
    const theirs = scratch('cfssl');
    for (const file of ['ca-config.json', 'ca-csr.json', 'server-csr.json']) writeFileSync(join(theirs, file), read(ours, file));
    const sh = (command: string): void => void execFileSync('sh', ['-c', command], { cwd: theirs, stdio: ['ignore', 'ignore', 'ignore'] });
    sh('cfssl gencert -initca ca-csr.json | cfssljson -bare ca');
    sh('cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json | cfssljson -bare server');
    expect(readdirSync(theirs).sort()).toEqual(TUTORIAL_FILES);
    const window = { start: 0, end: 0, recordedNow: null, rounded: true };
    for (const file of ['ca.pem', 'server.pem']) {
      const diffs = structuralDifferences(pemToDer(read(ours, file), 'CERTIFICATE'), pemToDer(read(theirs, file), 'CERTIFICATE'), window);
      // validity start differs with the clock; everything else must agree
      expect(
        diffs.filter((d) => d !== 'pinned notBefore differs'),
        file,
      ).toEqual([]);
    }
    // real cfssl signs with our CA files, and reads our CSR
    const signed = execFileSync(
      'cfssl',
      ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'ca-config.json', '-profile', 'www', 'server.csr'],
      {
        cwd: ours,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const cert = new X509Certificate((JSON.parse(signed) as { cert: string }).cert);
    expect(cert.verify(new X509Certificate(read(ours, 'ca.pem')).publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(read(ours, 'server-key.pem')))).toBe(true);
  });
});
