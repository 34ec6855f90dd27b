// Malformed inputs to the issuing commands: same error line and exit status as real cfssl, no stack trace.
// Inputs are made in the test from golden material; real cfssl 1.2 is the judge (rows where 1.2 and 1.6.5
// differ assert the documented 1.6.5 text instead).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath, runBin } from '@cfssl-ts/test-support/run-bin';
import { pemToDer } from '@cfssl-ts/test-support/pem-der';

const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
const pem = (label: string, b64: string) => `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;

beforeAll(() => {
  cpSync(join(goldenDir('cfssl-1.6.5'), 'sign-no-config-builtin-default'), dir, { recursive: true });
  cpSync(join(goldenDir('cfssl-1.6.5'), 'etcd-peer', 'ca-key.pem'), join(dir, 'other-key.pem'));
  const csr = readFileSync(join(dir, 'leaf.csr'), 'utf8');
  writeFileSync(join(dir, 'trunc.csr'), csr.slice(0, 300));
  writeFileSync(join(dir, 'garbage.csr'), pem('CERTIFICATE REQUEST', 'AAECAwQFBgcICQ=='));
  writeFileSync(join(dir, 'wronglabel.csr'), readFileSync(join(dir, 'ca.pem')));
  const der = Buffer.from(
    csr
      .split('\n')
      .filter((l) => !l.startsWith('-----'))
      .join(''),
    'base64',
  );
  der[der.length - 5]! ^= 1;
  writeFileSync(join(dir, 'badsig.csr'), pem('CERTIFICATE REQUEST', der.toString('base64')));
  // An unsupported curve (secp256k1) in SEC 1 form, and garbage where a key should be.
  writeFileSync(
    join(dir, 'k1.pem'),
    pem(
      'EC PRIVATE KEY',
      'MHQCAQEEIMk1V2W5QI8fZP+n0q4aW0ff0uXQ1ABgkHt0b6gq9rZroAcGBSuBBAAKoUQDQgAEWdp8GKcGX2mCdKb+oXR6HPc9A2vJAtkOYE0ywHWmh9+lW+C4IFvbbt3pbcTBmIsAzpsp5zo2G8SWyfpl1nzcpg==',
    ),
  );
  writeFileSync(join(dir, 'notakey.pem'), 'hello\n');
  writeFileSync(join(dir, 'csr.json'), '{"CN":"ok","key":{"algo":"ecdsa","size":256}}');
  writeFileSync(join(dir, 'notjson.json'), '{"CN": }');
  writeFileSync(join(dir, 'big.json'), `{"CN":"${'a'.repeat(1_000_000)}"}`);
  // Policy IDs Go's asn1.Marshal refuses (first arc above 2, second arc 40+ under 0 and 1, one arc):
  // cfssl fails at signing with 5200, where an unchecked encoder would silently write another OID.
  for (const [name, id] of [
    ['3.1', '3.1'],
    ['1.40', '1.40'],
    ['0.45', '0.45'],
    ['one-arc', '1'],
  ]) {
    const config = { signing: { default: { expiry: '8760h', usages: ['signing', 'server auth'], policies: [{ ID: id }] } } };
    writeFileSync(join(dir, `policy-${name}.json`), JSON.stringify(config));
  }
  writeFileSync(join(dir, 'oid-3.1.json'), '{"CN":"x","key":{"algo":"ecdsa","size":256},"names":[{"O":"o","OID":{"3.1":"v"}}]}');
  writeFileSync(
    join(dir, 'oid-huge.json'),
    '{"CN":"x","key":{"algo":"ecdsa","size":256},"names":[{"O":"o","OID":{"99999999999999999999999.1":"v"}}]}',
  );
  // A CSR whose subject attribute OID has a 41-bit arc: Go's asn1 parser refuses arcs beyond int32, so
  // etcd and Kubernetes could not read a certificate issued from it (gencsr writes it; Go only reads).
  writeFileSync(join(dir, 'bigarc.json'), '{"CN":"x","names":[{"O":"o","OID":{"1.2.1099511627776":"v"}}]}');
  const bigArc = runBin('cfssl-ts', ['gencsr', '-key', 'ca-key.pem', 'bigarc.json'], dir);
  writeFileSync(join(dir, 'bigarc.csr'), (JSON.parse(bigArc.stdout) as { csr: string }).csr);
  // The CA certificate with its serial's sign bit set (0x5631... -> 0xD631..., a negative INTEGER): Go 1.19's
  // x509 parses negative serials, so cfssl signs with such a CA (its self-signature is not checked).
  const caDer = pemToDer(readFileSync(join(dir, 'ca.pem'), 'utf8'), 'CERTIFICATE');
  const serialAt = Buffer.from(caDer).indexOf(Buffer.from([0x02, 0x14, 0x56, 0x31]));
  if (serialAt < 0) throw new Error('golden ca.pem serial not found');
  caDer[serialAt + 2] = 0xd6;
  writeFileSync(join(dir, 'negative-serial-ca.pem'), pem('CERTIFICATE', Buffer.from(caDer).toString('base64')));
  writeFileSync(join(dir, 'badutf8.json'), Buffer.from([0x7b, 0x22, 0x43, 0x4e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
});

const SIGN = ['sign', '-ca', 'ca.pem', '-ca-key'];
// [name, args, expected last stderr line (null: judged by cfssl only), expected exit]
const ROWS: Array<[string, string[], string | null, number]> = [
  ['CSR with truncated PEM', [...SIGN, 'ca-key.pem', 'trunc.csr'], '{"code":9002,"message":"CSR Decode failed"}', 1],
  ['CSR DER garbage', [...SIGN, 'ca-key.pem', 'garbage.csr'], null, 1],
  ['CSR with a bad signature', [...SIGN, 'ca-key.pem', 'badsig.csr'], '{"code":9300,"message":"crypto/rsa: verification error"}', 1],
  ['CA key on an unsupported curve', [...SIGN, 'k1.pem', 'leaf.csr'], '{"code":2003,"message":"Failed to parse private key"}', 1],
  ['CA key that is not PEM', [...SIGN, 'notakey.pem', 'leaf.csr'], '{"code":2002,"message":"Failed to decode private key"}', 1],
  [
    'CA key of another certificate',
    [...SIGN, 'other-key.pem', 'leaf.csr'],
    '{"code":1000,"message":"x509: provided PrivateKey doesn\'t match parent\'s PublicKey"}',
    1,
  ],
  [
    'CA certificate that is a CSR',
    ['sign', '-ca', 'leaf.csr', '-ca-key', 'ca-key.pem', 'leaf.csr'],
    '{"code":1003,"message":"Failed to parse certificate"}',
    1,
  ],
  [
    'CSR JSON that is not JSON',
    ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', 'notjson.json'],
    "invalid character '}' looking for beginning of value",
    1,
  ],
  ['a 1 MB CSR JSON', ['genkey', 'big.json'], null, 0],
  ['CSR JSON with invalid UTF-8', ['genkey', 'badutf8.json'], null, 0],
  ...['3.1', '1.40', '0.45', 'one-arc'].map((name): [string, string[], string | null, number] => [
    `policy ID ${name} that Go cannot marshal`,
    ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', `policy-${name}.json`, 'csr.json'],
    '{"code":5200,"message":"asn1: structure error: invalid object identifier"}',
    1,
  ]),
  [
    'CSR with an OID arc beyond what Go parses',
    [...SIGN, 'ca-key.pem', 'bigarc.csr'],
    '{"code":9003,"message":"asn1: structure error: base 128 integer too large"}',
    1,
  ],
  ['CA certificate with a negative serial', ['sign', '-ca', 'negative-serial-ca.pem', '-ca-key', 'ca-key.pem', 'leaf.csr'], null, 0],
  [
    'gencsr with a key that is not PEM',
    ['gencsr', '-key', 'notakey.pem', 'csr.json'],
    '{"code":2002,"message":"Failed to decode private key"}',
    1,
  ],
];

describe('bad input to the issuing commands', () => {
  it.each(ROWS)('%s', (_name, args, expected, exit) => {
    const r = runBin('cfssl-ts', args, dir);
    expect(r.status, r.stderr).toBe(exit);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    const last = r.stderr.trimEnd().split('\n').pop() ?? '';
    if (expected !== null) expect(last).toBe(expected);
    // gencsr is a 1.6 command: cfssl 1.2 cannot judge it.
    if (args[0] !== 'gencsr' && requireTool('cfssl')) {
      const real = spawnSync('cfssl', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(real.status === 0 ? 0 : 1).toBe(exit);
      if (exit !== 0) expect(last).toBe(real.stderr.trimEnd().split('\n').pop());
    }
  });

  // names[].OID is a 1.6 feature (1.2 ignores it): csr.Generate wraps x509's refusal as 9300, and an arc
  // beyond int64 fails csr.OIDFromString's strconv.Atoi (reference §4, verified against 1.6 for `x97`).
  it.each([
    ['oid-3.1.json', '{"code":9300,"message":"asn1: structure error: invalid object identifier"}'],
    ['oid-huge.json', '{"code":9300,"message":"invalid OID part 99999999999999999999999"}'],
  ])('CSR JSON names[].OID %s is refused, never rewritten', (file, expected) => {
    const r = runBin('cfssl-ts', ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', file], dir);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(expected);
  });

  it('certinfo reads the negative-serial CA that sign accepts, printing the serial as cfssl 1.2 does', () => {
    const r = runBin('cfssl-ts', ['certinfo', '-cert', 'negative-serial-ca.pem'], dir);
    expect(r.status, r.stderr).toBe(0);
    const serial = (JSON.parse(r.stdout) as { serial_number: string }).serial_number;
    expect(serial).toMatch(/^-\d+$/);
    if (requireTool('cfssl')) {
      const real = spawnSync('cfssl', ['certinfo', '-cert', 'negative-serial-ca.pem'], { cwd: dir, encoding: 'utf8' });
      expect((JSON.parse(real.stdout) as { serial_number: string }).serial_number).toBe(serial);
    }
  });

  // `cmd <&-`: Go's read of the closed fd 0 fails; Node would read its /dev/null stand-in as empty input.
  it.each([
    ['cfssl', ['gencert', '-initca', '-'], 'read /dev/stdin: bad file descriptor'],
    ['cfssl', [...SIGN, 'ca-key.pem', '-'], 'read /dev/stdin: bad file descriptor'],
    ['cfssljson', ['-bare', 'x'], 'Failed to read input: read /dev/stdin: bad file descriptor'],
  ] as const)('%s %j with standard input closed', (tool, args, expected) => {
    const shell = (redirect: string, bin: string) =>
      spawnSync('sh', ['-c', `exec "$@" ${redirect}`, 'sh', bin, ...args], { cwd: dir, encoding: 'utf8' });
    const closed = (bin: string) => shell('<&-', bin);
    const ours = binPath(tool === 'cfssl' ? 'cfssl-ts' : 'cfssljson-ts');
    const r = closed(ours);
    expect([r.status, r.stdout, r.stderr.trimEnd().split('\n').pop()]).toEqual([1, '', expected]);
    // standard input from /dev/null is empty input, as Go reads it
    expect(shell('< /dev/null', ours).stderr).not.toContain('bad file descriptor');
    if (requireTool('cfssl')) {
      const real = closed(tool);
      expect([real.status, real.stderr.trimEnd().split('\n').pop()]).toEqual([1, expected]);
    }
  });

  it('a certificate given as the CSR: 1.6.5 says "not a csr" (1.2: "not a certificate or csr")', () => {
    const r = runBin('cfssl-ts', [...SIGN, 'ca-key.pem', 'wronglabel.csr'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd()).toBe('{"code":9300,"message":"not a csr"}');
    if (requireTool('cfssl')) {
      const real = spawnSync('cfssl', [...SIGN, 'ca-key.pem', 'wronglabel.csr'], { cwd: dir, encoding: 'utf8' });
      expect(real.stderr.trimEnd().split('\n').pop()).toBe('{"code":9300,"message":"not a certificate or csr"}');
    }
  });
});
