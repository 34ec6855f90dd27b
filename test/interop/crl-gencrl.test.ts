// gencrl (reference §2.10): byte-identical to real cfssl 1.2 for RSA CAs (deterministic signatures, clock
// replayed with --now), same TBS for ECDSA, accepted by `openssl crl -CAfile`, same errors as cfssl.
// cfssl 1.2 reads TIME as a file name holding the seconds (fixed in 1.6); the tests give it such a file.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChildren, readSingle } from '@cfssl-ts/test-support/der-reader';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';
import { binPath } from '@cfssl-ts/test-support/run-bin';

const haveOpenssl = requireTool('openssl');
const haveCfssl = requireTool('cfssl');

const sh = runAsync;

async function opensslOk(args: string[], cwd: string): Promise<string> {
  const r = await sh('openssl', args, cwd);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// Lines both read alike (CRLF, signs, blank lines, a 17-byte serial); QUIRKS holds lines cfssl reads as 0 or a prefix.
const SERIALS = '42\n7\n99\r\n-5\n+8\n\n   \n340282366920938463463374607431768211457\n';
const QUIRKS = '42\n 7\nabc\r\n0x10\n12abc\n';

let dir = '';
beforeAll(async () => {
  if (!haveOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'crl-interop-'));
  // CA keys and certificates made by openssl (UTF8String subject with an emailAddress: Go re-encodes the CRL issuer).
  for (const [name, keyArgs] of [
    ['rsa2048', ['-newkey', 'rsa:2048']],
    ['rsa4096', ['-newkey', 'rsa:4096']],
    ['p384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']],
  ] as const) {
    await opensslOk(
      [
        'req',
        '-x509',
        ...keyArgs,
        '-nodes',
        '-keyout',
        `${name}-key.pem`,
        '-out',
        `${name}.pem`,
        '-subj',
        `/C=US/O=Acme CRL/CN=${name} CRL CA`,
        '-days',
        '30',
      ],
      dir,
    );
  }
  await opensslOk(
    [
      'req',
      '-x509',
      '-key',
      'p384-key.pem',
      '-out',
      'p384-email.pem',
      '-subj',
      '/CN=CRL Root/O=Acme/emailAddress=ca@acme.example',
      '-utf8',
      '-days',
      '30',
    ],
    dir,
  );
  await opensslOk(
    ['pkey', '-in', 'rsa2048-key.pem', '-traditional', '-aes256', '-passout', 'pass:s3cret', '-out', 'rsa2048-key-enc.pem'],
    dir,
  );
  writeFileSync(join(dir, 'serials'), SERIALS);
  writeFileSync(join(dir, 'quirks'), QUIRKS);
  writeFileSync(join(dir, 'lifetime'), '3600\n');
});

/** thisUpdate of a DER CRL as RFC 3339. */
function thisUpdate(der: Uint8Array): string {
  const tbs = readChildren(readSingle(der))[0]!;
  const t = Buffer.from(readChildren(tbs)[3]!.content).toString('latin1');
  const full = (Number(t.slice(0, 2)) >= 50 ? '19' : '20') + t;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}T${full.slice(8, 10)}:${full.slice(10, 12)}:${full.slice(12, 14)}Z`;
}

function tbsOf(der: Uint8Array): string {
  return Buffer.from(readChildren(readSingle(der))[0]!.raw).toString('hex');
}

const b64 = (out: string) => new Uint8Array(Buffer.from(out.trim(), 'base64'));

/** Whether every revocationDate of a DER CRL equals its thisUpdate (cfssl reads the clock twice; under load the two can straddle a second). */
function oneClock(der: Uint8Array): boolean {
  const tbs = readChildren(readChildren(readSingle(der))[0]!);
  const at = Buffer.from(tbs[3]!.content).toString('latin1');
  const revoked = tbs[5] && tbs[5].tag === 0x30 ? readChildren(tbs[5]) : [];
  return revoked.every((entry) => Buffer.from(readChildren(entry)[1]!.content).toString('latin1') === at);
}

/** Real cfssl gencrl, run again (at most 5 times) until its revocation dates and thisUpdate come from the same second. */
async function realGencrl(args: string[], env?: Record<string, string>): Promise<Awaited<ReturnType<typeof sh>>> {
  for (let attempt = 1; ; attempt++) {
    const r = await sh('cfssl', ['gencrl', ...args], dir, env);
    if (r.status !== 0 || attempt === 5 || oneClock(b64(r.stdout))) return r;
  }
}

describe.skipIf(!haveOpenssl || !haveCfssl)('gencrl against real cfssl 1.2', () => {
  it.each(['rsa2048', 'rsa4096'])('is byte-identical for an openssl %s CA (serial quirks, TIME, Go issuer re-encoding)', async (name) => {
    const real = await realGencrl(['serials', `${name}.pem`, `${name}-key.pem`, 'lifetime']);
    expect(real.status, real.stderr).toBe(0);
    const theirs = b64(real.stdout);
    const ours = await cfsslTs(['gencrl', '--now', thisUpdate(theirs), 'serials', `${name}.pem`, `${name}-key.pem`, '3600'], dir);
    expect(ours.status, ours.stderr).toBe(0);
    expect(ours.stdout.endsWith('\n') && !ours.stdout.slice(0, -1).includes('\n')).toBe(true);
    expect(ours.stdout).toBe(real.stdout);
  });

  it('defaults to one week without TIME (and with TIME 0)', async () => {
    const real = await realGencrl(['serials', 'rsa2048.pem', 'rsa2048-key.pem']);
    const now = thisUpdate(b64(real.stdout));
    for (const extra of [[], ['0']]) {
      const ours = await cfsslTs(['gencrl', '--now', now, 'serials', 'rsa2048.pem', 'rsa2048-key.pem', ...extra], dir);
      expect(ours.stdout).toBe(real.stdout);
    }
  });

  it('has the same TBSCertList for an ECDSA CA whose subject Go re-encodes (no emailAddress, PrintableString)', async () => {
    const real = await realGencrl(['serials', 'p384-email.pem', 'p384-key.pem', 'lifetime']);
    expect(real.status, real.stderr).toBe(0);
    const theirs = b64(real.stdout);
    const ours = await cfsslTs(['gencrl', '--now', thisUpdate(theirs), 'serials', 'p384-email.pem', 'p384-key.pem', '3600'], dir);
    expect(tbsOf(b64(ours.stdout))).toBe(tbsOf(theirs));
  });

  it('decrypts a legacy encrypted CA key with CFSSL_CA_PK_PASSWORD, and fails like cfssl with a wrong one', async () => {
    const env = { CFSSL_CA_PK_PASSWORD: 's3cret' };
    const real = await realGencrl(['serials', 'rsa2048.pem', 'rsa2048-key-enc.pem'], env);
    expect(real.status, real.stderr).toBe(0);
    const ours = await cfsslTs(
      ['gencrl', '--now', thisUpdate(b64(real.stdout)), 'serials', 'rsa2048.pem', 'rsa2048-key-enc.pem'],
      dir,
      env,
    );
    expect(ours.stdout).toBe(real.stdout);
    for (const [password, expected] of [
      ['wrong', 'x509: decryption password incorrect'],
      ['', '{"code":2100,"message":"Private key is encrypted."}'],
    ] as const) {
      const e = { CFSSL_CA_PK_PASSWORD: password };
      const theirs = await sh('cfssl', ['gencrl', 'serials', 'rsa2048.pem', 'rsa2048-key-enc.pem'], dir, e);
      const mine = await cfsslTs(['gencrl', 'serials', 'rsa2048.pem', 'rsa2048-key-enc.pem'], dir, e);
      expect(theirs.stderr.trim().split('\n')).toContain(expected);
      expect([mine.status, mine.stdout, mine.stderr]).toEqual([1, '', `${expected}\n`]);
    }
  });

  it.each([
    ['TIME not a number', ['serials', 'rsa2048.pem', 'rsa2048-key.pem'], 'abc'],
    ['TIME out of int32 range', ['serials', 'rsa2048.pem', 'rsa2048-key.pem'], '2147483648'],
    ['TIME with a bad underscore', ['serials', 'rsa2048.pem', 'rsa2048-key.pem'], '1__0'],
    ['CERT not PEM', ['serials', 'serials', 'rsa2048-key.pem'], '60'],
    ['CERT is a key (wrong label)', ['serials', 'rsa2048-key.pem', 'rsa2048-key.pem'], '60'],
    ['KEY not PEM', ['serials', 'rsa2048.pem', 'serials'], '60'],
    ['KEY is a certificate', ['serials', 'rsa2048.pem', 'rsa2048.pem'], '60'],
    ['missing serial file', ['nope', 'rsa2048.pem', 'rsa2048-key.pem'], '60'],
  ])('%s: same error line and exit status as cfssl, nothing on stdout', async (_name, args, time) => {
    writeFileSync(join(dir, 'time-arg'), time);
    const real = await sh('cfssl', ['gencrl', ...args, 'time-arg'], dir);
    const ours = await cfsslTs(['gencrl', ...args, time], dir);
    expect(real.status).toBe(1);
    expect([ours.status, ours.stdout]).toEqual([1, '']);
    expect(ours.stderr).toBe(real.stderr);
    expect(ours.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a key that does not belong to CERT (cfssl writes a CRL that never verifies: a documented deviation)', async () => {
    const real = await sh('cfssl', ['gencrl', 'serials', 'rsa2048.pem', 'p384-key.pem'], dir);
    expect(real.status).toBe(0);
    writeFileSync(join(dir, 'bad.der'), b64(real.stdout));
    expect((await sh('openssl', ['crl', '-inform', 'DER', '-in', 'bad.der', '-CAfile', 'rsa2048.pem', '-noout'], dir)).status).not.toBe(0);
    const ours = await cfsslTs(['gencrl', 'serials', 'rsa2048.pem', 'p384-key.pem'], dir);
    expect([ours.status, ours.stdout, ours.stderr]).toEqual([1, '', '{"code":2300,"message":"Private key does not match public key"}\n']);
  });
});

describe.skipIf(!haveOpenssl)('gencrl output read by openssl', () => {
  it.each(['rsa2048', 'rsa4096', 'p384'])('openssl crl -CAfile verifies the %s CRL', async (name) => {
    const ours = await cfsslTs(['gencrl', 'serials', `${name}.pem`, `${name}-key.pem`, '120'], dir);
    expect(ours.status, ours.stderr).toBe(0);
    writeFileSync(join(dir, `${name}.crl`), b64(ours.stdout));
    const r = await sh('openssl', ['crl', '-inform', 'DER', '-in', `${name}.crl`, '-CAfile', `${name}.pem`, '-noout', '-text'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('verify OK');
    // Go CreateCRL signs with SHA-256 for every RSA size
    expect(r.stdout).toContain(name.startsWith('rsa') ? 'sha256WithRSAEncryption' : 'ecdsa-with-SHA384');
    expect(r.stdout).toContain('Version 2 (0x1)');
    expect(r.stdout).not.toContain('CRL Number');
  });

  it('-pem prints an X509 CRL block and -number adds a CRL Number (RFC 5280 §5.2.3)', async () => {
    const before = readdirSync(dir).length;
    const ours = await cfsslTs(['gencrl', '-pem', '-number', '0x1234', 'serials', 'p384.pem', 'p384-key.pem'], dir);
    expect(ours.status, ours.stderr).toBe(0);
    expect(ours.stdout).toMatch(/^-----BEGIN X509 CRL-----\n[\s\S]+-----END X509 CRL-----\n$/);
    expect(readdirSync(dir).length).toBe(before);
    writeFileSync(join(dir, 'numbered.pem'), ours.stdout);
    const r = await sh('openssl', ['crl', '-in', 'numbered.pem', '-CAfile', 'p384.pem', '-noout', '-text'], dir);
    expect(r.stderr).toContain('verify OK');
    expect(r.stdout).toMatch(/X509v3 CRL Number:\s*\n\s*4660\b/);
    expect(r.stdout).toMatch(/X509v3 Authority Key Identifier/);
    const bad = await cfsslTs(['gencrl', '-number', '-1', 'serials', 'p384.pem', 'p384-key.pem'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('invalid -number');
  });

  it('reads the serial list: trailing white space allowed, sign honoured', async () => {
    const ours = await cfsslTs(['gencrl', 'serials', 'p384.pem', 'p384-key.pem'], dir);
    writeFileSync(join(dir, 'serials.crl'), b64(ours.stdout));
    const text = await opensslOk(['crl', '-inform', 'DER', '-in', 'serials.crl', '-noout', '-text'], dir);
    const serials = [...text.matchAll(/Serial Number: (-?[0-9A-F]+)/g)].map((m) => m[1]);
    expect(serials).toEqual(['2A', '07', '63', '-05', '08', '0100000000000000000000000000000001']);
  });
});

describe.skipIf(!haveOpenssl)('gencrl refuses serial lines cfssl 1.2 misreads (docs/compat.md)', () => {
  it('a line cfssl revokes as serial 0 (" 7", "abc", "0x10") or as a prefix ("12abc") is refused with its line number', async () => {
    const ours = await cfsslTs(['gencrl', 'quirks', 'p384.pem', 'p384-key.pem'], dir);
    expect([ours.status, ours.stdout, ours.stderr]).toEqual([1, '', 'quirks: line 2: " 7" is not a decimal serial number\n']);
    const stdin = await sh(binPath('cfssl-ts'), ['gencrl', '-', 'p384.pem', 'p384-key.pem'], dir, {}, '1\n2\n0x10\n');
    expect([stdin.status, stdin.stderr]).toEqual([1, 'standard input: line 3: "0x10" is not a decimal serial number\n']);
    if (!haveCfssl) return;
    // cfssl 1.2: exit 0, and the CRL revokes serial 0 three times and 12 once
    const real = await sh('cfssl', ['gencrl', 'quirks', 'p384.pem', 'p384-key.pem'], dir);
    expect(real.status, real.stderr).toBe(0);
    writeFileSync(join(dir, 'quirks.crl'), b64(real.stdout));
    const text = await opensslOk(['crl', '-inform', 'DER', '-in', 'quirks.crl', '-noout', '-text'], dir);
    expect([...text.matchAll(/Serial Number: (-?[0-9A-F]+)/g)].map((m) => m[1])).toEqual(['2A', '00', '00', '00', '0C']);
  });
});
