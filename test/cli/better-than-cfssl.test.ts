// Inputs where cfssl 1.2 is as bad as the mistake (exit 0 having done nothing, a wrong serial, a buried
// message): cfssl-ts refuses them. Each row asserts cfssl-ts's exact error line and exit status, and, with
// real cfssl 1.2 as the witness, what cfssl does instead; each is a row of docs/compat.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const dir = mkdtempSync(join(tmpdir(), 'better-than-cfssl-'));

beforeAll(() => {
  cpSync(join(goldenDir('cfssl-1.6.5'), 'sign-no-config-builtin-default'), dir, { recursive: true });
  writeFileSync(join(dir, 'csr.json'), '{"CN":"ok","key":{"algo":"ecdsa","size":256}}');
  const policy = { signing: { default: { expiry: '8760h', usages: ['signing', 'server auth'], policies: [{ ID: '1.2.-3' }] } } };
  writeFileSync(join(dir, 'policy-negative-arc.json'), JSON.stringify(policy));
});

interface Row {
  name: string;
  tool: 'cfssl-ts' | 'cfssljson-ts';
  args: string[];
  stdin?: string;
  /** cfssl-ts: the whole of stderr's last line, and the exit status. */
  ours: [string, number];
  /** real cfssl 1.2 (`cfssl`/`cfssljson`) on the same input: its exit status, and a line its stderr contains (null: none checked). */
  cfssl: [number, string | null];
}

const ROWS: Row[] = [
  {
    name: 'gencert without -ca-key',
    tool: 'cfssl-ts',
    args: ['gencert', '-ca', 'ca.pem', 'csr.json'],
    ours: ['need a CA key (provide one with -ca-key)', 1],
    cfssl: [0, '[ERROR] need a CA key (provide one with -ca-key)'],
  },
  {
    name: 'gencert without -ca',
    tool: 'cfssl-ts',
    args: ['gencert', '-ca-key', 'ca-key.pem', 'csr.json'],
    ours: ['need a CA certificate (provide one with -ca)', 1],
    cfssl: [0, '[ERROR] need a CA certificate (provide one with -ca)'],
  },
  {
    name: 'sign without -ca-key',
    tool: 'cfssl-ts',
    args: ['sign', '-ca', 'ca.pem', 'leaf.csr'],
    ours: ['need CA key (provide one with -ca-key)', 1],
    cfssl: [0, '[ERROR] need CA key (provide one with -ca-key)'],
  },
  {
    name: 'sign without -ca',
    tool: 'cfssl-ts',
    args: ['sign', '-ca-key', 'ca-key.pem', 'leaf.csr'],
    ours: ['need CA certificate (provide one with -ca)', 1],
    cfssl: [0, '[ERROR] need CA certificate (provide one with -ca)'],
  },
  {
    // cfssl 1.2 encodes the arc -3 as garbage bytes and issues the certificate
    name: 'policy ID with a negative arc',
    tool: 'cfssl-ts',
    args: ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'policy-negative-arc.json', 'csr.json'],
    ours: ['{"code":5200,"message":"asn1: structure error: invalid object identifier"}', 1],
    cfssl: [0, null],
  },
  {
    name: 'gencert -serial of 100,000 digits (a cfssl-ts extension: cfssl 1.2 ignores -serial here)',
    tool: 'cfssl-ts',
    args: ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-serial', '9'.repeat(100_000), 'csr.json'],
    ours: [`invalid serial number "${'9'.repeat(40)}"... (100000 characters): must be positive and at most 20 bytes`, 1],
    cfssl: [0, null],
  },
  {
    name: 'cfssljson -bare of {}',
    tool: 'cfssljson-ts',
    args: ['-bare', 'out'],
    stdin: '{}',
    ours: [
      'Nothing to write: the input has none of cert, key, encrypted_key, csr, result.bundle, ocspResponse (is it the output of cfssl?)',
      1,
    ],
    cfssl: [0, null],
  },
];

describe('where cfssl 1.2 is as bad as the mistake, cfssl-ts refuses', () => {
  it.each(ROWS)('$name', ({ tool, args, stdin, ours, cfssl }) => {
    const r = runBin(tool, args, dir, stdin);
    expect(r.stderr.trimEnd().split('\n').pop(), r.stderr).toBe(ours[0]);
    expect(r.status).toBe(ours[1]);
    expect(r.stdout).toBe('');
    if (!requireTool('cfssl')) return;
    const real = spawnSync(tool === 'cfssl-ts' ? 'cfssl' : 'cfssljson', args, { cwd: dir, input: stdin ?? '', encoding: 'utf8' });
    expect(real.status, real.stderr).toBe(cfssl[0]);
    if (cfssl[1] !== null) expect(real.stderr.split('\n').map((l) => l.replace(/^\S+ \S+ /, ''))).toContain(cfssl[1]);
  });
});
