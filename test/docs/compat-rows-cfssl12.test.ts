// The rows of docs/compat.md that real cfssl 1.2 (Debian's golang-cfssl) can judge on this machine, run live: the same
// command given to `cfssl` and to `cfssl-ts` in the same directory, each answer checked against what the row says.
// Rows asserted from recorded output instead are in test/golden/cfssl-1.2-replay.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath, runBin } from '@cfssl-ts/test-support/run-bin';

const COMPAT = readFileSync(join(REPO_ROOT, 'docs', 'compat.md'), 'utf8');

interface Answer {
  status: number;
  stdout: string;
  stderr: string;
}

interface Row {
  /** Text of the compat.md row (its first cell), which must be on the page. */
  row: string;
  /** A shell command line run with `cfssl`/`cfssljson` and again with `cfssl-ts`/`cfssljson-ts` in their place. */
  command: string;
  cfssl12: (a: Answer) => void;
  cfsslTs: (a: Answer) => void;
}

const ROWS: Row[] = [
  {
    row: '`sign` given a certificate instead of a CSR',
    command: 'cfssl sign -ca ca.pem -ca-key ca-key.pem server.pem',
    cfssl12: (a) => expect([a.status, a.stderr.trim()]).toEqual([1, '{"code":9300,"message":"not a certificate or csr"}']),
    cfsslTs: (a) => expect([a.status, a.stderr.trim()]).toEqual([1, '{"code":9300,"message":"not a csr"}']),
  },
  {
    row: '`certinfo` without a target',
    command: 'cfssl certinfo',
    cfssl12: (a) => expect([a.status, a.stderr.trim()]).toEqual([1, 'Must specify certinfo target through -cert, -csr, or -domain']),
    cfsslTs: (a) =>
      expect([a.status, a.stderr.trim()]).toEqual([1, 'Must specify certinfo target through -cert, -csr, -domain or -serial + -aki']),
  },
  {
    row: '`certinfo -csr` of a file with no PEM block',
    command: 'echo garbage > garbage.csr && cfssl certinfo -csr garbage.csr',
    cfssl12: (a) => expect([a.status, /^panic: runtime error: invalid memory address/m.test(a.stderr)]).toEqual([2, true]),
    cfsslTs: (a) => expect([a.status, a.stderr.trim()]).toEqual([1, '{"code":9002,"message":"CSR Decode failed"}']),
  },
  {
    row: '`bundle` output fields',
    command: 'cfssl bundle -cert server.pem -ca-bundle ca.pem',
    cfssl12: (a) => expect(Object.keys(JSON.parse(a.stdout) as object)).not.toContain('leaf_expires'),
    cfsslTs: (a) => {
      const bundle = JSON.parse(a.stdout) as Record<string, unknown>;
      expect(Object.keys(bundle)).toContain('leaf_expires');
      // the leaf's notAfter, as 1.6.5 prints it
      const notAfter = spawnSync('openssl', ['x509', '-in', 'server.pem', '-noout', '-enddate'], { cwd: dir, encoding: 'utf8' }).stdout;
      expect(Date.parse(String(bundle.leaf_expires))).toBe(Date.parse(notAfter.replace('notAfter=', '')));
    },
  },
  {
    row: 'config that is just `null`',
    command: 'echo null > null.json && cfssl sign -config null.json server.csr',
    cfssl12: (a) => expect([a.status, /^panic: runtime error: invalid memory address/m.test(a.stderr)]).toEqual([2, true]),
    cfsslTs: (a) => expect([a.status, a.stderr]).toEqual([1, 'Failed to load config file: No "signing" field present']),
  },
  {
    row: '`gencert`/`sign` without `-ca` or `-ca-key` (and no `-config`)',
    command: 'cfssl gencert -ca ca.pem server-csr.json',
    cfssl12: (a) =>
      expect([a.status, a.stdout, /\[ERROR\] need a CA key \(provide one with -ca-key\)/.test(a.stderr)]).toEqual([0, '', true]),
    cfsslTs: (a) =>
      expect([a.status, a.stdout, a.stderr.trim().split('\n').at(-1)]).toEqual([1, '', 'need a CA key (provide one with -ca-key)']),
  },
  {
    row: '`cfssljson -bare`: existing key file',
    command:
      'cp server-key.pem before.pem && cfssl gencert -ca ca.pem -ca-key ca-key.pem -config ca-config.json -profile www server-csr.json 2>/dev/null' +
      ' | cfssljson -bare server; status=$?; cmp -s server-key.pem before.pem && echo kept || echo replaced; exit $status',
    cfssl12: (a) => expect([a.status, a.stdout]).toEqual([0, 'replaced\n']),
    cfsslTs: (a) =>
      expect([a.status, a.stdout, a.stderr.trim()]).toEqual([
        1,
        'kept\n',
        'Refusing to overwrite existing private key file server-key.pem: nothing was written (pass -force to replace it)',
      ]),
  },
  {
    row: '`cfssljson -bare` of `{}`',
    command: "echo '{}' | cfssljson -bare nothing && ls",
    cfssl12: (a) => expect([a.status, a.stdout.includes('nothing')]).toEqual([0, false]),
    cfsslTs: (a) => expect([a.status, /^Nothing to write: the input has none of cert, key/.test(a.stderr)]).toEqual([1, true]),
  },
  {
    row: 'key algorithm `ed25519`',
    command: `echo '{"CN":"x","key":{"algo":"ed25519"}}' > ed.json && cfssl gencert -initca ed.json`,
    cfssl12: (a) => expect([a.status, a.stderr.trim().split('\n').at(-1)]).toEqual([1, '{"code":2400,"message":"invalid algorithm"}']),
    cfsslTs: (a) => expect([a.status, /-----BEGIN Ed25519 PRIVATE KEY-----/.test(a.stdout)]).toEqual([0, true]),
  },
  {
    row: 'extra positional arguments',
    command: 'cfssl gencert -initca ca-csr.json extra',
    cfssl12: (a) => expect([a.status, /"cert":"-----BEGIN CERTIFICATE/.test(a.stdout)]).toEqual([0, true]),
    cfsslTs: (a) => expect([a.status, a.stderr.trim()]).toEqual([1, 'only one argument is accepted, please check with usage']),
  },
  {
    row: 'commands',
    command: 'cfssl gencsr -key server-key.pem server-csr.json',
    cfssl12: (a) => expect([a.status, a.stderr.split('\n')[0]]).toEqual([1, 'Command gencsr is not defined.']),
    cfsslTs: (a) => expect([a.status, /"csr":"-----BEGIN CERTIFICATE REQUEST/.test(a.stdout)]).toEqual([0, true]),
  },
  {
    row: '`version`',
    command: 'cfssl version',
    cfssl12: (a) => expect(a.stdout).toMatch(/^Version: 1\.2\.0\nRevision: dev\nRuntime: go1\.\d+/),
    cfsslTs: (a) => expect(a.stdout).toMatch(/^Version: \S+ \(cfssl-ts, compatible with cfssl 1\.6\.5\)\nRuntime: node\d+/),
  },
];

let have = false;
let base = '';
let dir = '';

beforeAll(() => {
  have = requireTool('cfssl') && requireTool('cfssljson') && requireTool('openssl');
  base = mkdtempSync(join(tmpdir(), 'cfssl-ts-compat-'));
  const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'ca', '-hosts', '127.0.0.1'], base);
  if (made.status !== 0) throw new Error(made.stderr);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function answer(command: string, cwd: string, ours: boolean): Answer {
  // cfssl-ts first on PATH under cfssl's names, for the second run
  const path = ours ? `${join(base, 'ours')}:${process.env.PATH ?? ''}` : (process.env.PATH ?? '');
  const r = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, PATH: path, TZ: 'UTC' }, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('docs/compat.md rows judged live by cfssl 1.2', () => {
  beforeAll(() => {
    const ours = join(base, 'ours');
    spawnSync('mkdir', [ours]);
    for (const [name, bin] of [
      ['cfssl', 'cfssl-ts'],
      ['cfssljson', 'cfssljson-ts'],
    ] as const) {
      writeFileSync(join(ours, name), `#!/bin/sh\nexec "${binPath(bin)}" "$@"\n`, { mode: 0o755 });
    }
  });

  for (const row of ROWS) {
    it(`${row.row}: cfssl 1.2 and cfssl-ts answer as the row says`, ({ skip }) => {
      expect(COMPAT, `docs/compat.md has no row "${row.row}"`).toContain(`| ${row.row}`);
      if (!have) skip();
      for (const ours of [false, true]) {
        dir = join(base, `${ROWS.indexOf(row)}-${ours ? 'ts' : '12'}`);
        cpSync(join(base, 'ca'), dir, { recursive: true });
        const a = answer(row.command, dir, ours);
        try {
          (ours ? row.cfsslTs : row.cfssl12)(a);
        } catch (error) {
          throw new Error(`${ours ? 'cfssl-ts' : 'cfssl 1.2'}: ${row.command}\n${JSON.stringify(a, null, 1)}\n${String(error)}`);
        }
      }
    });
  }
});
