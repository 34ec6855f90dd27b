// Name constraints made by cfssl-ts, judged by openssl (`verify -x509_strict`) and real cfssl 1.2 (`cfssl bundle`,
// Go's verifier): a leaf inside the permitted names is accepted, one outside them or inside an excluded subtree is
// refused, for DNS, IP, email and URI names; on a root from CSR JSON `ca` and on an intermediate from a profile.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';

const haveJudges = [requireTool('openssl'), requireTool('cfssl')].every(Boolean);

const CONSTRAINTS = {
  permitted_dns_domains: ['example.com'],
  excluded_dns_domains: ['bad.example.com'],
  permitted_ip_ranges: ['10.0.0.0/8'],
  excluded_ip_ranges: ['10.9.0.0/16'],
  permitted_email_addresses: ['example.com'],
  excluded_email_addresses: ['ceo@example.com'],
  permitted_uri_domains: ['.example.com'],
  excluded_uri_domains: ['bad.example.com'],
  critical: true,
};

type Verdict = 'inside' | 'outside' | 'excluded';
// [leaf name, host (a SAN of its kind), verdict]; CNs contain spaces so openssl never reads them as DNS names.
const LEAVES: Array<[string, string, Verdict]> = [
  ['dns-in', 'www.example.com', 'inside'],
  ['dns-out', 'www.other.org', 'outside'],
  ['dns-ex', 'x.bad.example.com', 'excluded'],
  ['ip-in', '10.1.2.3', 'inside'],
  ['ip-out', '192.168.1.1', 'outside'],
  ['ip-ex', '10.9.1.1', 'excluded'],
  ['email-in', 'alice@example.com', 'inside'],
  ['email-out', 'bob@other.org', 'outside'],
  ['email-ex', 'ceo@example.com', 'excluded'],
  ['uri-in', 'spiffe://svc.example.com/ns/a', 'inside'],
  ['uri-out', 'spiffe://svc.other.org/ns/a', 'outside'],
  ['uri-ex', 'spiffe://bad.example.com/ns/a', 'excluded'],
];

const CONFIG = {
  signing: {
    default: { expiry: '8760h' },
    profiles: {
      leaf: { usages: ['digital signature', 'key encipherment', 'server auth', 'client auth'], expiry: '8760h' },
      intermediate: {
        usages: ['cert sign', 'crl sign'],
        expiry: '43800h',
        ca_constraint: { is_ca: true, max_path_len: 0, max_path_len_zero: true },
        name_constraints: CONSTRAINTS,
      },
    },
  },
};

let dir = '';
const write = (name: string, value: unknown): void => writeFileSync(join(dir, name), JSON.stringify(value));

// cfssl-ts gencert ... | split into <base>.pem and <base>-key.pem.
async function gencert(args: string[], csrFile: string, base: string): Promise<void> {
  const r = await cfsslTs(['gencert', ...args, csrFile], dir);
  if (r.status !== 0) throw new Error(`gencert ${base}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { cert: string; key: string };
  writeFileSync(join(dir, `${base}.pem`), out.cert);
  writeFileSync(join(dir, `${base}-key.pem`), out.key, { mode: 0o600 });
}

beforeAll(async () => {
  if (!haveJudges) return;
  dir = mkdtempSync(join(tmpdir(), 'name-constraints-'));
  write('ca-config.json', CONFIG);
  write('root-nc.json', { CN: 'NC Root', ca: { expiry: '87600h', name_constraints: CONSTRAINTS } });
  write('root.json', { CN: 'Plain Root', ca: { expiry: '87600h' } });
  write('inter.json', { CN: 'NC Intermediate' });
  await gencert(['-initca'], 'root-nc.json', 'root-nc');
  await gencert(['-initca'], 'root.json', 'root');
  await gencert(
    ['-ca', 'root.pem', '-ca-key', 'root-key.pem', '-config', 'ca-config.json', '-profile', 'intermediate'],
    'inter.json',
    'inter',
  );
  for (const [name, host] of LEAVES) {
    write(`${name}.json`, { CN: `leaf ${name}`, hosts: [host] });
    await gencert(
      ['-ca', 'root-nc.pem', '-ca-key', 'root-nc-key.pem', '-config', 'ca-config.json', '-profile', 'leaf'],
      `${name}.json`,
      name,
    );
    await gencert(
      ['-ca', 'inter.pem', '-ca-key', 'inter-key.pem', '-config', 'ca-config.json', '-profile', 'leaf'],
      `${name}.json`,
      `${name}-i`,
    );
  }
}, 240_000);

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

describe.skipIf(!haveJudges)('name constraints judged by openssl and real cfssl 1.2', () => {
  it('the extension openssl reads on the root and the intermediate is the one asked for, critical', async () => {
    for (const ca of ['root-nc.pem', 'inter.pem']) {
      const r = await runAsync('openssl', ['x509', '-in', ca, '-noout', '-ext', 'nameConstraints'], dir);
      expect(r.stdout.replace(/[ \t]+/g, ' ').trim()).toBe(
        [
          'X509v3 Name Constraints: critical',
          ' Permitted:',
          ' DNS:example.com',
          ' IP:10.0.0.0/255.0.0.0',
          ' email:example.com',
          ' URI:.example.com',
          ' Excluded:',
          ' DNS:bad.example.com',
          ' IP:10.9.0.0/255.255.0.0',
          ' email:ceo@example.com',
          ' URI:bad.example.com',
        ].join('\n'),
      );
    }
    // The leaves' own certificates carry no name constraints.
    const leaf = await runAsync('openssl', ['x509', '-in', 'dns-in.pem', '-noout', '-ext', 'nameConstraints'], dir);
    expect(leaf.stdout + leaf.stderr).toContain('No extensions in certificate');
  });

  const chains = [
    {
      label: 'root from CSR JSON ca.name_constraints',
      suffix: '',
      verify: ['-CAfile', 'root-nc.pem'],
      bundle: ['-ca-bundle', 'root-nc.pem'],
    },
    {
      label: 'intermediate from a profile name_constraints',
      suffix: '-i',
      verify: ['-CAfile', 'root.pem', '-untrusted', 'inter.pem'],
      bundle: ['-ca-bundle', 'root.pem', '-int-bundle', 'inter.pem'],
    },
  ];
  for (const chain of chains) {
    describe(chain.label, () => {
      for (const [name, host, verdict] of LEAVES) {
        it(`${verdict}: ${host}`, async () => {
          const leaf = `${name}${chain.suffix}.pem`;
          const ossl = await runAsync('openssl', ['verify', '-x509_strict', ...chain.verify, leaf], dir);
          const real = await runAsync('cfssl', ['bundle', '-cert', leaf, ...chain.bundle], dir);
          const ours = await cfsslTs(['bundle', '-cert', leaf, ...chain.bundle], dir);
          if (verdict === 'inside') {
            expect(ossl.stdout.trim(), ossl.stdout + ossl.stderr).toBe(`${leaf}: OK`);
            expect(ossl.status).toBe(0);
            expect(real.status, real.stderr).toBe(0);
            expect(JSON.parse(lastLine(real.stdout))).toHaveProperty('bundle');
            expect(ours.status, ours.stderr).toBe(0);
          } else {
            expect(ossl.status).not.toBe(0);
            expect(ossl.stdout + ossl.stderr).toContain(
              verdict === 'outside' ? 'permitted subtree violation' : 'excluded subtree violation',
            );
            expect(real.status).not.toBe(0);
            const message = JSON.parse(lastLine(real.stderr)) as { code: number; message: string };
            expect(message.code).toBe(1212);
            expect(message.message).toMatch(verdict === 'outside' ? /is not permitted by any constraint$/ : /is excluded by constraint "/);
            // cfssl-ts's own bundle gives cfssl's verdict, word for word.
            expect(ours.status).not.toBe(0);
            expect(lastLine(ours.stderr)).toBe(lastLine(real.stderr));
          }
        });
      }
    });
  }
});
