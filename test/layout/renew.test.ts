// cfssl-ts check -within / -format json and renew on a set made with -now in the past, so some leaves are about to expire.
// Judge: OpenSSL (verify, enddate, public keys).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const DAY = 86_400_000;
const BOTH = ['signing', 'key encipherment', 'server auth', 'client auth'];
const SPEC = {
  config: {
    signing: {
      default: { expiry: '8760h' },
      profiles: {
        server: { expiry: '8760h', usages: BOTH },
        peer: { expiry: '17520h', usages: BOTH },
        client: { expiry: '8760h', usages: ['signing', 'client auth'] },
      },
    },
  },
  ca: { csr: { CN: 'renew CA', key: { algo: 'ecdsa', size: 256 }, ca: { expiry: '87600h' } } },
  certificates: [
    { base: 'server', profile: 'server', csr: { CN: 'server', hosts: ['127.0.0.1'], key: { algo: 'rsa', size: 2048 } } },
    { base: 'peer', profile: 'peer', csr: { CN: 'peer', hosts: ['127.0.0.2'], key: { algo: 'ecdsa', size: 256 } } },
    { base: 'client', profile: 'client', csr: { CN: 'client', key: { algo: 'ecdsa', size: 256 } } },
  ],
};
const LEAVES = ['client', 'peer', 'server'];

let root = '';
let haveOpenssl = false;
const made = new Date(Date.now() - 350 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'latin1');
const snapshot = (dir: string, files: readonly string[]): Record<string, string> => Object.fromEntries(files.map((f) => [f, read(dir, f)]));
const openssl = (args: readonly string[], cwd: string): string => execFileSync('openssl', args, { cwd, encoding: 'utf8' });
const endDate = (dir: string, file: string): number =>
  Date.parse(
    openssl(['x509', '-noout', '-enddate', '-in', file], dir)
      .trim()
      .replace(/^notAfter=/, ''),
  );
const certKey = (dir: string, base: string): string => openssl(['x509', '-noout', '-pubkey', '-in', `${base}.pem`], dir);
const keyKey = (dir: string, base: string): string => openssl(['pkey', '-pubout', '-in', `${base}-key.pem`], dir);

function makeSet(name: string): string {
  const r = runBin('cfssl-ts', ['layout', '-dir', name, '-now', made, 'spec.json'], root);
  if (r.status !== 0) throw new Error(r.stderr);
  return join(root, name);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cfssl-ts-renew-'));
  writeFileSync(join(root, 'spec.json'), JSON.stringify(SPEC));
  haveOpenssl = requireTool('openssl');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('check -within and -format json', () => {
  it('exits 1 naming what expires within the window, 0 for a window nothing falls in', () => {
    const dir = makeSet('check');
    const soon = runBin('cfssl-ts', ['check', '-within', '30d', 'check'], root);
    expect(soon.status).toBe(1);
    expect(soon.stdout).toContain('check: 2 expire within 30d: client.pem, server.pem\n');
    expect(soon.stderr).toBe('check: client.pem, server.pem expire within 30d\n');
    // made 350 days ago with one-year profiles: 15 days left
    const later = runBin('cfssl-ts', ['check', '-within', '240h', dir], root);
    expect([later.status, later.stderr]).toEqual([0, '']);
    expect(later.stdout).toContain(`${dir}: nothing expires within 240h\n`);
    expect(runBin('cfssl-ts', ['check', 'check'], root).status).toBe(0);
    const bad = runBin('cfssl-ts', ['check', '-within', 'soon', 'check'], root);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('invalid -within "soon": want a Go duration (720h, 90m) or days (30d): time: invalid duration "soon"\n');
  });

  it('-format json: one document with role, subject, SANs, not_after, days left, issuer file and problems per file', () => {
    if (!haveOpenssl) return;
    const dir = join(root, 'check');
    const r = runBin('cfssl-ts', ['check', '-format', 'json', '-within', '30d', 'check'], root);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      dir: string;
      within: string;
      expiring: string[];
      problem_count: number;
      rotation: { phase: string };
      certificates: {
        file: string;
        role: string;
        subject: string;
        sans: string[];
        not_after: string;
        days_left: number;
        issuer_file: string;
        problems: string[];
        expires_within: boolean;
      }[];
    };
    expect([doc.dir, doc.within, doc.expiring, doc.problem_count, doc.rotation.phase]).toEqual([
      'check',
      '30d',
      ['client.pem', 'server.pem'],
      0,
      'none',
    ]);
    expect(doc.certificates.map((c) => [c.file, c.role, c.issuer_file, c.expires_within])).toEqual([
      ['ca.pem', 'ca', 'ca.pem', false],
      ['client.pem', 'client', 'ca.pem', true],
      ['peer.pem', 'peer', 'ca.pem', false],
      ['server.pem', 'peer', 'ca.pem', true],
    ]);
    for (const c of doc.certificates) {
      // RFC 3339 in UTC, the instant OpenSSL reads
      expect(c.not_after).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(c.not_after), c.file).toBe(endDate(dir, c.file));
      expect(c.days_left).toBe(Math.floor((Date.parse(c.not_after) - Date.now()) / DAY));
      expect(c.problems).toEqual([]);
    }
    const server = doc.certificates.find((c) => c.file === 'server.pem');
    expect(server?.sans).toEqual(['127.0.0.1']);
    expect(server?.subject).toBe('CN=server');
    expect(openssl(['x509', '-noout', '-subject', '-in', 'server.pem'], dir)).toBe('subject=CN = server\n');
    const bad = runBin('cfssl-ts', ['check', '-format', 'yaml', 'check'], root);
    expect([bad.status, bad.stderr]).toEqual([1, 'invalid -format "yaml": want json or text\n']);
  });
});

describe('renew', () => {
  it('renews exactly the leaves expiring within the window, keeping keys; the CA and the other leaf untouched (OpenSSL verifies)', () => {
    const dir = makeSet('renew');
    const untouched = [
      'ca.pem',
      'ca-key.pem',
      'ca.csr',
      'ca-config.json',
      'peer.pem',
      'peer-key.pem',
      ...LEAVES.map((b) => `${b}-key.pem`),
    ];
    const before = snapshot(dir, untouched);
    const oldServer = read(dir, 'server.pem');
    const r = runBin('cfssl-ts', ['renew', '-within', '30d', 'renew'], root);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^renewed {3}renew\/client\.pem: valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(was .+; profile client\)\n/m,
    );
    expect(r.stdout).toMatch(/^renewed {3}renew\/server\.pem: valid until .+ \(was .+; profile server\)\n/m);
    expect(r.stdout).not.toContain('peer.pem');
    expect(r.stdout).toContain('renew: 2 certificates renewed (within 30d)');
    expect(snapshot(dir, untouched)).toEqual(before);
    expect(read(dir, 'server.pem')).not.toBe(oldServer);
    if (haveOpenssl) {
      expect(openssl(['verify', '-CAfile', 'ca.pem', 'server.pem', 'client.pem', 'peer.pem'], dir)).toBe(
        'server.pem: OK\nclient.pem: OK\npeer.pem: OK\n',
      );
      for (const base of ['server', 'client']) {
        expect(endDate(dir, `${base}.pem`)).toBeGreaterThan(Date.now() + 364 * DAY);
        expect(certKey(dir, base)).toBe(keyKey(dir, base));
      }
      expect(openssl(['x509', '-noout', '-ext', 'subjectAltName', '-in', 'server.pem'], dir)).toContain('IP Address:127.0.0.1');
    }
    const again = runBin('cfssl-ts', ['renew', '-within', '30d', 'renew'], root);
    expect([again.status, again.stdout]).toEqual([0, 'renew: nothing to renew (no leaf expires within 30d)\n']);
    expect(runBin('cfssl-ts', ['check', '-within', '30d', 'renew'], root).status).toBe(0);
  });

  it('-rekey (with -force: every leaf) makes new keys, 0600, that match the new certificates', () => {
    const dir = makeSet('rekey');
    const keys = snapshot(
      dir,
      LEAVES.map((b) => `${b}-key.pem`),
    );
    const ca = snapshot(dir, ['ca.pem', 'ca-key.pem']);
    const r = runBin('cfssl-ts', ['renew', '-force', '-rekey', 'rekey'], root);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rekey: 3 certificates renewed (every leaf)');
    expect(r.stdout).toContain('new key server-key.pem');
    for (const base of LEAVES) {
      expect(read(dir, `${base}-key.pem`), base).not.toBe(keys[`${base}-key.pem`]);
      expect(statSync(join(dir, `${base}-key.pem`)).mode & 0o777).toBe(0o600);
      if (haveOpenssl) expect(certKey(dir, base)).toBe(keyKey(dir, base));
    }
    expect(snapshot(dir, ['ca.pem', 'ca-key.pem'])).toEqual(ca);
    if (haveOpenssl) expect(openssl(['verify', '-CAfile', 'ca.pem', 'server.pem'], dir)).toBe('server.pem: OK\n');
    // the RSA key spec of server-csr.json is kept
    if (haveOpenssl) expect(openssl(['pkey', '-noout', '-text', '-in', 'server-key.pem'], dir)).toContain('2048 bit');
  });

  it('says what is missing: no window, a bad window, a CA key that is gone', () => {
    makeSet('errors');
    const none = runBin('cfssl-ts', ['renew', 'errors'], root);
    expect([none.status, none.stderr]).toEqual([
      1,
      'renew needs -within DURATION (e.g. -within 30d; -within 0 renews every leaf) or -force\n',
    ]);
    const negative = runBin('cfssl-ts', ['renew', '-within', '-5m', 'errors'], root);
    expect([negative.status, negative.stderr]).toEqual([1, 'invalid -within "-5m": the window cannot be negative\n']);
    rmSync(join(root, 'errors', 'ca-key.pem'));
    const before = snapshot(join(root, 'errors'), ['server.pem', 'client.pem']);
    const noKey = runBin('cfssl-ts', ['renew', '-within', '30d', 'errors'], root);
    expect([noKey.status, noKey.stderr]).toEqual([1, 'errors/ca-key.pem: missing (the CA key signs the leaves)\nnothing was written\n']);
    expect(snapshot(join(root, 'errors'), ['server.pem', 'client.pem'])).toEqual(before);
  });
});
