// selfsign (reference §2.5, §5.13), gencert -renewca (§5.12) and the -pkcs8 extension, judged by real
// cfssl 1.2 and openssl. Documented 1.2/1.6 differences: 1.2 selfsign copies no CSR extension (so no
// SAN) and ignores the config's default profile; cfssl-ts follows 1.6.5.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeOid, readChildren, readSingle, type DerNode } from '@cfssl-ts/test-support/der-reader';
import { pemToDer } from '@cfssl-ts/test-support/pem-der';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { structuralDifferences } from '@cfssl-ts/test-support/structure-compare';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';

const haveOpenssl = requireTool('openssl');
const haveCfssl = requireTool('cfssl');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfsign-interop-'));
  writeFileSync(
    join(dir, 'self.json'),
    JSON.stringify({ CN: 'self.example', hosts: ['self.example', '10.9.8.7'], names: [{ O: 'Self Org', C: 'US' }] }),
  );
  writeFileSync(join(dir, 'rsa.json'), JSON.stringify({ CN: 'rsa.example', hosts: ['rsa.example'], key: { algo: 'rsa', size: 2048 } }));
  writeFileSync(
    join(dir, 'root.json'),
    JSON.stringify({
      CN: 'Renew Root',
      names: [{ C: 'US', O: 'Acme', OU: 'Ops', L: 'SF', ST: 'CA' }],
      hosts: ['10.1.2.3', 'ca.example'],
      ca: { expiry: '1000h', pathlen: 1 },
    }),
  );
  writeFileSync(join(dir, 'leaf.json'), JSON.stringify({ CN: 'leaf', hosts: ['leaf.example'] }));
  writeFileSync(
    join(dir, 'cfg.json'),
    JSON.stringify({
      signing: {
        default: { expiry: '10h', usages: ['signing', 'server auth'] },
        profiles: {
          ca: {
            expiry: '20h',
            usages: ['cert sign', 'crl sign'],
            ca_constraint: { is_ca: true },
            issuer_urls: ['http://ca.example/ca.crt'],
          },
        },
      },
    }),
  );
});

const field = (stdout: string, name: string): string => (JSON.parse(stdout) as Record<string, string>)[name]!;

function extensions(der: Uint8Array): Array<{ oid: string; critical: boolean; value: string }> {
  const tbs = readChildren(readSingle(der))[0]!;
  const exts = readChildren(tbs).find((n: DerNode) => n.tag === 0xa3);
  if (!exts) return [];
  return readChildren(readChildren(exts)[0]!).map((e) => {
    const p = readChildren(e);
    return { oid: decodeOid(p[0]!.content), critical: p[1]?.tag === 0x01, value: Buffer.from(p.at(-1)!.content).toString('hex') };
  });
}

function tbsFields(der: Uint8Array) {
  const f = readChildren(readChildren(readSingle(der))[0]!);
  return { issuer: Buffer.from(f[3]!.raw).toString('hex'), subject: Buffer.from(f[5]!.raw).toString('hex'), serial: f[1]!.content };
}

describe.skipIf(!haveCfssl)('selfsign against real cfssl 1.2', () => {
  it('matches 1.2 except the SAN that 1.6 copies from the CSR (after the SKI)', async () => {
    const real = await runAsync('cfssl', ['selfsign', 'self.example', 'self.json'], dir);
    const ours = await cfsslTs(['selfsign', 'self.example', 'self.json'], dir);
    expect(ours.status, ours.stderr).toBe(0);
    const warning = real.stderr.slice(real.stderr.indexOf('*** WARNING ***'));
    expect(ours.stderr.endsWith(warning)).toBe(true);
    const theirs = pemToDer(field(real.stdout, 'cert'), 'CERTIFICATE');
    const mine = pemToDer(field(ours.stdout, 'cert'), 'CERTIFICATE');
    expect(tbsFields(mine).subject).toBe(tbsFields(theirs).subject);
    expect(tbsFields(mine).issuer).toBe(tbsFields(mine).subject);
    // serial below 2^63 (8 bytes at most, top bit clear)
    expect(tbsFields(mine).serial.length).toBeLessThanOrEqual(8);
    const t = extensions(theirs);
    const m = extensions(mine);
    expect(m.slice(0, t.length).map((e) => [e.oid, e.critical, e.oid === '2.5.29.14' ? e.value.length : e.value])).toEqual(
      t.map((e) => [e.oid, e.critical, e.oid === '2.5.29.14' ? e.value.length : e.value]),
    );
    expect(m.slice(t.length).map((e) => e.oid)).toEqual(['2.5.29.17']);
    const csrDer = pemToDer(field(ours.stdout, 'csr'), 'CERTIFICATE REQUEST');
    expect(Buffer.from(csrDer).toString('hex')).toContain(m.at(-1)!.value);
  });

  it('uses the named profile (CA, AIA issuers) like 1.2, and the config default where 1.2 used the built-in one', async () => {
    const args = ['selfsign', '-config', 'cfg.json', '-profile', 'ca', 'x', 'self.json'];
    const real = await runAsync('cfssl', args, dir);
    const ours = await cfsslTs(args, dir);
    const strip = (der: Uint8Array) => extensions(der).map((e) => [e.oid, e.critical, e.oid === '2.5.29.14' ? e.value.length : e.value]);
    expect(strip(pemToDer(field(ours.stdout, 'cert'))).slice(0, -1)).toEqual(strip(pemToDer(field(real.stdout, 'cert'))));
    const def = await cfsslTs(['selfsign', '-config', 'cfg.json', 'x', 'self.json'], dir);
    const ku = extensions(pemToDer(field(def.stdout, 'cert'))).find((e) => e.oid === '2.5.29.15')!;
    expect(ku.value).toBe('03020780'); // the config default: signing only (1.6.5), not 1.2's built-in default
  });

  it('fails like cfssl without HOSTNAME and with too many arguments', async () => {
    for (const args of [['selfsign'], ['selfsign', 'x']]) {
      const real = await runAsync('cfssl', args, dir);
      const ours = await cfsslTs(args, dir);
      expect([ours.status, ours.stdout, ours.stderr]).toEqual([real.status, real.stdout, real.stderr]);
    }
    const ours = await cfsslTs(['selfsign', 'x', 'self.json', 'extra'], dir);
    expect([ours.status, ours.stderr]).toEqual([1, 'too many arguments are provided, please check with usage\n']);
  });
});

describe.skipIf(!haveCfssl)('gencert -renewca against real cfssl 1.2', () => {
  beforeAll(async () => {
    for (const [args, out] of [
      [['gencert', '-initca', 'root.json'], 'root'],
      [['gencert', '-ca', 'root.pem', '-ca-key', 'root-key.pem', 'leaf.json'], 'leaf'],
    ] as const) {
      const r = await runAsync('cfssl', [...args], dir);
      writeFileSync(join(dir, `${out}.pem`), field(r.stdout, 'cert'));
      writeFileSync(join(dir, `${out}-key.pem`), field(r.stdout, 'key'));
    }
  });

  it('re-issues the root field by field like cfssl (subject, IP SAN only, KU, pathlen, duration)', async () => {
    const args = ['gencert', '-renewca', '-ca', 'root.pem', '-ca-key', 'root-key.pem'];
    const start = Date.now();
    const ours = await cfsslTs(args, dir);
    const end = Date.now();
    const real = await runAsync('cfssl', args, dir);
    expect(ours.status, ours.stderr).toBe(0);
    expect(Object.keys(JSON.parse(ours.stdout) as { cert: string })).toEqual(['cert']);
    const theirs = pemToDer(field(real.stdout, 'cert'));
    const mine = pemToDer(field(ours.stdout, 'cert'));
    const nb = readChildren(readChildren(readChildren(readSingle(theirs))[0]!)[4]!)[0]!;
    const s = Buffer.from(nb.content).toString();
    const theirNow =
      Date.UTC(
        2000 + Number(s.slice(0, 2)),
        Number(s.slice(2, 4)) - 1,
        Number(s.slice(4, 6)),
        Number(s.slice(6, 8)),
        Number(s.slice(8, 10)),
      ) +
      5 * 60_000;
    expect(structuralDifferences(mine, theirs, { start, end, recordedNow: theirNow, rounded: true })).toEqual([]);
    const logs = (x: string) =>
      x
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^\S+ \S+ /, '').replace(/\d{10,}/, 'N'));
    expect(logs(ours.stderr)).toEqual(logs(real.stderr));
  });

  it.each([
    ['not a CA', ['-ca', 'leaf.pem', '-ca-key', 'leaf-key.pem']],
    ['key of another certificate', ['-ca', 'root.pem', '-ca-key', 'leaf-key.pem']],
    ['missing -ca-key', ['-ca', 'root.pem']],
    ['CA is a key (wrong label)', ['-ca', 'root-key.pem', '-ca-key', 'root-key.pem']],
    ['key is not PEM', ['-ca', 'root.pem', '-ca-key', 'leaf.json']],
  ])('%s: same stderr and exit status as cfssl', async (_name, flags) => {
    const real = await runAsync('cfssl', ['gencert', '-renewca', ...flags], dir);
    const ours = await cfsslTs(['gencert', '-renewca', ...flags], dir);
    const lines = (x: string) => x.split('\n').map((l) => l.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''));
    expect([ours.status, ours.stdout, lines(ours.stderr)]).toEqual([real.status, real.stdout, lines(real.stderr)]);
  });
});

describe.skipIf(!haveOpenssl)('-pkcs8 (cfssl-ts extension)', () => {
  it.each([
    ['genkey', ['genkey', '-pkcs8', 'rsa.json']],
    ['gencert -initca', ['gencert', '-pkcs8', '-initca', 'root.json']],
    ['selfsign', ['selfsign', '-pkcs8', 'x', 'self.json']],
  ])('%s prints a PKCS #8 PRIVATE KEY that openssl reads and that matches the CSR', async (_name, args) => {
    const r = await cfsslTs(args, dir);
    expect(r.status, r.stderr).toBe(0);
    const key = field(r.stdout, 'key');
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const keyFile = join(dir, `pkcs8-${args[0]}.pem`);
    const csrFile = join(dir, `pkcs8-${args[0]}.csr`);
    writeFileSync(keyFile, key);
    writeFileSync(csrFile, field(r.stdout, 'csr'));
    const fromKey = await runAsync('openssl', ['pkey', '-in', keyFile, '-pubout'], dir);
    const fromCsr = await runAsync('openssl', ['req', '-in', csrFile, '-noout', '-pubkey'], dir);
    expect(fromKey.status, fromKey.stderr).toBe(0);
    expect(fromKey.stdout).toBe(fromCsr.stdout);
  });

  it('gencert -pkcs8 signs as usual and only changes the key encoding', async () => {
    const ca = await cfsslTs(['gencert', '-initca', 'root.json'], dir);
    writeFileSync(join(dir, 'ts-root.pem'), field(ca.stdout, 'cert'));
    writeFileSync(join(dir, 'ts-root-key.pem'), field(ca.stdout, 'key'));
    const r = await cfsslTs(['gencert', '-pkcs8', '-ca', 'ts-root.pem', '-ca-key', 'ts-root-key.pem', 'leaf.json'], dir);
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(join(dir, 'ts-leaf.pem'), field(r.stdout, 'cert'));
    writeFileSync(join(dir, 'ts-leaf-key.pem'), field(r.stdout, 'key'));
    expect(field(r.stdout, 'key')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const fromKey = await runAsync('openssl', ['pkey', '-in', 'ts-leaf-key.pem', '-pubout'], dir);
    const fromCert = await runAsync('openssl', ['x509', '-in', 'ts-leaf.pem', '-noout', '-pubkey'], dir);
    expect(fromKey.stdout).toBe(fromCert.stdout);
    expect((await runAsync('openssl', ['verify', '-CAfile', 'ts-root.pem', 'ts-leaf.pem'], dir)).status).toBe(0);
  });
});

describe.skipIf(!haveOpenssl || !haveCfssl)('encrypted legacy PEM CA keys (CFSSL_CA_PK_PASSWORD) for sign and gencert', () => {
  beforeAll(async () => {
    const ca = await cfsslTs(['gencert', '-initca', 'root.json'], dir);
    writeFileSync(join(dir, 'enc-root.pem'), field(ca.stdout, 'cert'));
    writeFileSync(join(dir, 'enc-root-key.pem'), field(ca.stdout, 'key'));
    for (const [cipher, out] of [
      ['-aes256', 'enc-root-key-aes.pem'],
      ['-des3', 'enc-root-key-des3.pem'],
    ] as const) {
      const r = await runAsync('openssl', ['ec', '-in', 'enc-root-key.pem', cipher, '-passout', 'pass:s3cret', '-out', out], dir);
      expect(r.status, r.stderr).toBe(0);
    }
    const csr = await cfsslTs(['genkey', 'leaf.json'], dir);
    writeFileSync(join(dir, 'enc-leaf.csr'), field(csr.stdout, 'csr'));
  });

  it.each(['enc-root-key-aes.pem', 'enc-root-key-des3.pem'])(
    'sign with %s: a certificate openssl verifies under the CA',
    async (keyFile) => {
      const r = await cfsslTs(['sign', '-ca', 'enc-root.pem', '-ca-key', keyFile, 'enc-leaf.csr'], dir, { CFSSL_CA_PK_PASSWORD: 's3cret' });
      expect(r.status, r.stderr).toBe(0);
      writeFileSync(join(dir, `signed-${keyFile}`), field(r.stdout, 'cert'));
      expect((await runAsync('openssl', ['verify', '-CAfile', 'enc-root.pem', `signed-${keyFile}`], dir)).status).toBe(0);
      const g = await cfsslTs(['gencert', '-ca', 'enc-root.pem', '-ca-key', keyFile, 'leaf.json'], dir, { CFSSL_CA_PK_PASSWORD: 's3cret' });
      expect(g.status, g.stderr).toBe(0);
    },
  );

  it.each([
    ['a wrong password', 'wrong'],
    ['no password', ''],
  ])('%s: the same error as cfssl 1.2', async (_name, password) => {
    const args = ['sign', '-ca', 'enc-root.pem', '-ca-key', 'enc-root-key-aes.pem', 'enc-leaf.csr'];
    const real = await runAsync('cfssl', args, dir, { CFSSL_CA_PK_PASSWORD: password });
    const ours = await cfsslTs(args, dir, { CFSSL_CA_PK_PASSWORD: password });
    expect([ours.status, ours.stdout, ours.stderr.trim().split('\n').at(-1)]).toEqual([
      real.status,
      real.stdout,
      real.stderr.trim().split('\n').at(-1),
    ]);
  });
});

describe('selfsign replay flags (cfssl-ts extension)', () => {
  it('--serial and --now fix the serial and the unrounded validity (now − 5 min … now + 2190h)', async () => {
    const r = await cfsslTs(['selfsign', '--serial', '2734685946831660619', '--now', '2026-11-28T02:33:05Z', 'x', 'self.json'], dir);
    expect(r.status, r.stderr).toBe(0);
    const f = readChildren(readChildren(readSingle(pemToDer(field(r.stdout, 'cert'))))[0]!);
    expect(Buffer.from(f[1]!.content).toString('hex')).toBe(2734685946831660619n.toString(16).padStart(16, '0'));
    const [nb, na] = readChildren(f[4]!).map((t) => Buffer.from(t.content).toString());
    // the values of the golden case selfsign-builtin-default, recorded from cfssl 1.6.5
    expect([nb, na]).toEqual(['261128022805Z', '270227083305Z']);
  });
});
