// cfssl bundle (reference §2.9) on chains built by OpenSSL: real path validation judged twice, by
// `openssl verify` and by real cfssl 1.2's `cfssl bundle` (Go crypto/x509), and the bundle JSON
// compared field by field with cfssl 1.2 for good chains.
// Documented differences: 1.2 lacks `leaf_expires`; for an unknown authority 1.6.5 (and cfssl-ts)
// keep Go's "(possibly because of ...)" hint where 1.2 reports the bare error; hostnames are a Go map
// in cfssl (random order), so they are compared as sets.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';

const haveOpenssl = requireTool('openssl');
const haveCfssl = requireTool('cfssl');

let dir = '';
beforeAll(async () => {
  if (!haveOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'bundle-interop-'));
  copyFileSync(join(__dirname, 'bundle-make-chains.sh'), join(dir, 'make.sh'));
  const r = await runAsync('bash', ['make.sh'], dir);
  if (r.status !== 0) throw new Error(`make.sh failed: ${r.stderr}`);
  const file = (name: string) => readFileSync(join(dir, name));
  writeFileSync(join(dir, 'trunc.pem'), file('leaf.pem').subarray(0, 500));
  writeFileSync(
    join(dir, 'garbage.der'),
    Uint8Array.from({ length: 300 }, (_, i) => (i * 73 + 11) & 0xff),
  );
  writeFileSync(join(dir, 'chain.pem'), Buffer.concat([file('leaf.pem'), file('inter.pem')]));
  writeFileSync(join(dir, 'chain-reversed.pem'), Buffer.concat([file('inter.pem'), file('leaf.pem')]));
}, 120_000);

const openssl = (args: string[]) => runAsync('openssl', args, dir);
const cfssl12 = (args: string[]) => runAsync('cfssl', ['bundle', ...args], dir);
const ours = (args: string[]) => cfsslTs(['bundle', ...args], dir);

const lastLine = (s: string): string => s.trim().split('\n').at(-1) ?? '';

describe.skipIf(!haveOpenssl)('bundle verdicts on chains openssl and Go reject', () => {
  // [name, leaf, intermediate, root, openssl error, cfssl 1.6.5 error line (cfssl-ts)]
  const rows: Array<[string, string, string, string, RegExp, RegExp]> = [
    [
      'expired intermediate',
      'leaf-exp',
      'inter-exp',
      'root',
      /certificate has expired/,
      /^\{"code":1211,"message":"x509: certificate has expired or is not yet valid: current time \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ is after 2021-01-01T00:00:00Z"\}$/,
    ],
    [
      'intermediate not yet valid',
      'inter-future',
      'root',
      'root',
      /certificate is not yet valid/,
      /^\{"code":1211,"message":"x509: certificate has expired or is not yet valid: current time \S+ is before 2099-01-01T00:00:00Z"\}$/,
    ],
    [
      'CA:FALSE issuer',
      'leaf-noca',
      'noca',
      'root',
      /invalid CA certificate/,
      /^\{"code":1220,"message":"x509: certificate signed by unknown authority \(possibly because of \\"x509: invalid signature: parent certificate cannot sign this kind of certificate\\" while trying to verify candidate authority certificate \\"Chain NoCA\\"\)"\}$/,
    ],
    [
      'issuer without keyCertSign',
      'leaf-noku',
      'noku',
      'root',
      /invalid CA certificate/,
      /^\{"code":1220,"message":"x509: certificate signed by unknown authority \(possibly because of \\"x509: invalid signature: parent certificate cannot sign this kind of certificate\\" while trying to verify candidate authority certificate \\"Chain NoKU\\"\)"\}$/,
    ],
    [
      'pathLen 0 root over an intermediate',
      'leaf-pl0',
      'inter-pl0',
      'root-pl0',
      /path length constraint exceeded/,
      /^\{"code":1213,"message":"x509: too many intermediates for path length constraint"\}$/,
    ],
    [
      'trust anchor name constraints (permitted)',
      'leaf-ncroot',
      'inter-ncroot',
      'root-nc',
      /permitted subtree violation/,
      /^\{"code":1212,"message":"x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \\"evil.org\\" is not permitted by any constraint"\}$/,
    ],
    [
      'intermediate name constraints (excluded)',
      'leaf-ncinter',
      'inter-nc',
      'root',
      /excluded subtree violation/,
      /^\{"code":1212,"message":"x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \\"bad.example.com\\" is excluded by constraint \\"bad.example.com\\""\}$/,
    ],
    [
      'leading-dot constraint needs a subdomain',
      'leaf-ncok',
      'inter-nc',
      'root',
      /permitted subtree violation/,
      /^\{"code":1212,"message":"x509: a root or intermediate certificate is not authorized to sign for this name: DNS name \\"example.com\\" is not permitted by any constraint"\}$/,
    ],
    [
      'unknown authority',
      'leaf',
      'inter',
      'root-nc',
      /unable to get local issuer certificate/,
      /^\{"code":1220,"message":"x509: certificate signed by unknown authority"\}$/,
    ],
  ];

  it.each(rows)('%s: rejected by openssl, by cfssl and by cfssl-ts alike', async (_name, leaf, inter, root, opensslError, ourError) => {
    const v = await openssl(['verify', '-CAfile', `${root}.pem`, '-untrusted', `${inter}.pem`, `${leaf}.pem`]);
    expect(v.status).not.toBe(0);
    expect(v.stdout + v.stderr).toMatch(opensslError);
    const before = readdirSync(dir).length;
    const r = await ours(['-cert', `${leaf}.pem`, '-ca-bundle', `${root}.pem`, '-int-bundle', `${inter}.pem`]);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(lastLine(r.stderr)).toMatch(ourError);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).length).toBe(before);
    if (haveCfssl) {
      const real = await cfssl12(['-cert', `${leaf}.pem`, '-ca-bundle', `${root}.pem`, '-int-bundle', `${inter}.pem`]);
      expect(real.status).toBe(1);
      const code = (s: string) => (JSON.parse(lastLine(s)) as { code: number }).code;
      expect(code(r.stderr)).toBe(code(real.stderr));
      // 1.2 drops Go's hint for an unknown authority (it wraps the search error, 1.6.5 the original).
      const strip = (s: string) =>
        lastLine(s)
          .replace(/ \(possibly because of .*\)"/, '"')
          .replace(/current time \S+ is/, 'current time T is');
      expect(strip(r.stderr)).toBe(strip(real.stderr));
    }
  });

  it('accepts the good chain, as openssl does', async () => {
    expect((await openssl(['verify', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'leaf.pem'])).status).toBe(0);
    const r = await ours(['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem']);
    expect(r.status, r.stderr).toBe(0);
  });
});

type BundleJson = Record<string, unknown> & { hostnames: string[]; status: Record<string, unknown> };

describe.skipIf(!haveOpenssl || !haveCfssl)('bundle JSON against real cfssl 1.2', () => {
  const good: Array<[string, string[]]> = [
    ['leaf with -int-bundle', ['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem']],
    ['chain in the -cert file', ['-cert', 'chain.pem', '-ca-bundle', 'root.pem']],
    ['reversed chain in the -cert file', ['-cert', 'chain-reversed.pem', '-ca-bundle', 'root.pem']],
    [
      '-flavor optimal with the key',
      ['-cert', 'leaf.pem', '-key', 'leaf-key.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem', '-flavor', 'optimal'],
    ],
    ['-flavor force', ['-cert', 'chain.pem', '-flavor', 'force']],
    ['OCSP leaf under the root keeps the root', ['-cert', 'leaf-ocsp.pem', '-ca-bundle', 'root.pem']],
    ['RSA intermediate, leaf expiring within 30 days', ['-cert', 'leaf-rsa.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'rsa-inter.pem']],
  ];

  it.each(good)('%s: every field as cfssl 1.2 prints it (plus 1.6 leaf_expires)', async (_name, args) => {
    const real = await cfssl12(args);
    expect(real.status, real.stderr).toBe(0);
    const r = await ours(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.endsWith('}')).toBe(true);
    const theirs = JSON.parse(real.stdout) as BundleJson;
    const mine = JSON.parse(r.stdout) as BundleJson;
    expect(Object.keys(mine)).toEqual(Object.keys(mine).sort());
    const leafFile = args[1]!.replace('chain-reversed', 'leaf').replace('chain', 'leaf');
    const endDate = (await openssl(['x509', '-in', leafFile, '-noout', '-enddate'])).stdout.split('=')[1]!;
    expect(mine.leaf_expires).toBe(new Date(Date.parse(endDate)).toISOString().replace('.000Z', 'Z'));
    const { leaf_expires: _le, hostnames, ...rest } = mine;
    const { hostnames: theirHosts, ...theirRest } = theirs;
    expect([...hostnames].sort()).toEqual([...theirHosts].sort());
    expect(rest).toEqual(theirRest);
    // cfssl-ts's stderr carries the same log lines (timestamps aside)
    const logs = (s: string) =>
      s
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^\S+ \S+ /, ''));
    expect(logs(r.stderr)).toEqual(logs(real.stderr));
  });

  it.each([
    ['missing -cert file', ['-cert', 'nope.pem', '-ca-bundle', 'root.pem']],
    ['missing -ca-bundle file', ['-cert', 'leaf.pem', '-ca-bundle', 'nope.pem']],
    ['missing -int-bundle file', ['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'nope.pem']],
    ['-ca-bundle not PEM', ['-cert', 'leaf.pem', '-ca-bundle', 'ext.cnf']],
    ['-int-bundle holds a key', ['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'leaf-key.pem']],
    ['-cert holds a key (wrong label)', ['-cert', 'leaf-key.pem', '-ca-bundle', 'root.pem']],
    ['-cert not PEM', ['-cert', 'ext.cnf', '-ca-bundle', 'root.pem']],
    ['-cert truncated PEM', ['-cert', 'trunc.pem', '-ca-bundle', 'root.pem']],
    ['-cert garbage DER', ['-cert', 'garbage.der', '-ca-bundle', 'root.pem']],
    ['self-signed -cert', ['-cert', 'root.pem', '-ca-bundle', 'root.pem']],
    ['non-matching -key', ['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem', '-key', 'inter-key.pem']],
    ['missing -key file', ['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem', '-key', 'nope.pem']],
    ['-key not PEM', ['-cert', 'leaf.pem', '-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem', '-key', 'ext.cnf']],
    ['no target', ['-ca-bundle', 'root.pem']],
  ])('%s: same error line and exit status as cfssl', async (_name, args) => {
    const real = await cfssl12(args);
    const r = await ours(args);
    expect(real.status).toBe(1);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(lastLine(r.stderr)).toBe(lastLine(real.stderr));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
