// name_constraints through the CLI: gencert -initca (also with -ca-key), selfsign, certinfo, and the errors a
// user sees for a bad entry in CSR JSON or in ca-config.json (path named, cfssl's envelope, exit 1, no stack).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';

const haveOpenssl = requireTool('openssl');

const CONSTRAINTS = {
  permitted_dns_domains: ['example.com', '.svc.cluster.local'],
  excluded_dns_domains: ['bad.example.com'],
  permitted_ip_ranges: ['10.0.0.0/8', 'fd00::/8'],
  excluded_ip_ranges: ['10.9.0.0/16'],
  permitted_email_addresses: ['example.com'],
  excluded_email_addresses: ['ceo@example.com'],
  permitted_uri_domains: ['.example.com'],
  excluded_uri_domains: ['bad.example.com'],
  critical: true,
};

let dir = '';
const write = (name: string, value: unknown): string => {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return name;
};
const certOf = (stdout: string): string => (JSON.parse(stdout) as { cert: string }).cert;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'name-constraints-cli-'));
});

describe('name_constraints on the command line', () => {
  it('gencert -initca puts them on the CA and certinfo shows them with the keys of the CSR JSON', async () => {
    const r = await cfsslTs(['gencert', '-initca', write('ca.json', { CN: 'NC CA', ca: { name_constraints: CONSTRAINTS } })], dir);
    expect(r.status, r.stderr).toBe(0);
    write('ca.pem', certOf(r.stdout));
    write('ca-key.pem', (JSON.parse(r.stdout) as { key: string }).key);
    const info = await cfsslTs(['certinfo', '-cert', 'ca.pem'], dir);
    expect(info.status, info.stderr).toBe(0);
    const json = JSON.parse(info.stdout) as Record<string, unknown>;
    expect(json.name_constraints).toEqual(CONSTRAINTS);
    // Placed after cfssl's own fields, before the PEM.
    expect(Object.keys(json).slice(-3)).toEqual(['subject_key_id', 'name_constraints', 'pem']);
  });

  it.skipIf(!haveOpenssl)('gencert -renewca keeps the name constraints (read by openssl)', async () => {
    const r = await cfsslTs(['gencert', '-renewca', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem'], dir);
    expect(r.status, r.stderr).toBe(0);
    write('renewed.pem', certOf(r.stdout));
    const ext = async (file: string) => (await runAsync('openssl', ['x509', '-in', file, '-noout', '-ext', 'nameConstraints'], dir)).stdout;
    const original = await ext('ca.pem');
    expect(original).toMatch(/^X509v3 Name Constraints: critical\n\s+Permitted:\n\s+DNS:example.com\n/);
    expect(await ext('renewed.pem')).toBe(original);
  });

  it('certinfo leaves a certificate without name constraints as cfssl prints it (no name_constraints key)', async () => {
    const r = await cfsslTs(['gencert', '-initca', write('plain.json', { CN: 'Plain CA' })], dir);
    write('plain.pem', certOf(r.stdout));
    const info = await cfsslTs(['certinfo', '-cert', 'plain.pem'], dir);
    expect(Object.keys(JSON.parse(info.stdout) as object)).not.toContain('name_constraints');
  });

  it.skipIf(!haveOpenssl)('gencert -initca -ca-key and selfsign honour ca.name_constraints too (read by openssl)', async () => {
    await runAsync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'existing-key.pem'], dir);
    const csr = write('dns.json', { CN: 'NC CA 2', ca: { name_constraints: { permitted_dns_domains: ['example.com'] } } });
    const fromKey = await cfsslTs(['gencert', '-initca', '-ca-key', 'existing-key.pem', csr], dir);
    const selfsigned = await cfsslTs(['selfsign', 'example.com', csr], dir);
    for (const [name, r] of [
      ['from-key.pem', fromKey],
      ['selfsigned.pem', selfsigned],
    ] as const) {
      expect(r.status, r.stderr).toBe(0);
      write(name, certOf(r.stdout));
      const text = await runAsync('openssl', ['x509', '-in', name, '-noout', '-ext', 'nameConstraints'], dir);
      // critical not asked for: Go's default (PermittedDNSDomainsCritical false).
      expect(text.stdout.replace(/\s+/g, ' ').trim()).toBe('X509v3 Name Constraints: Permitted: DNS:example.com');
    }
  });

  it('a bad entry in CSR JSON: its JSON path and value, exit 1, no stack trace, no certificate', async () => {
    const bad = write('bad.json', { CN: 'x', ca: { name_constraints: { permitted_ip_ranges: ['10.0.0.0/8', '10.0.0/33'] } } });
    const r = await cfsslTs(['gencert', '-initca', bad], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('ca.name_constraints.permitted_ip_ranges[1]: invalid CIDR "10.0.0/33"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad entry in a profile: cfssl 5200 envelope naming the profile path; refused on a non-CA profile', async () => {
    const csr = write('leaf.json', { CN: 'leaf', hosts: ['www.example.com'] });
    const profile = (p: object) => ({ signing: { profiles: { inter: { usages: ['cert sign'], expiry: '1h', ...p } } } });
    const bad = write(
      'bad-config.json',
      profile({ ca_constraint: { is_ca: true }, name_constraints: { excluded_uri_domains: ['https://x.example'] } }),
    );
    const r = await cfsslTs(['gencert', '-initca', '-config', bad, csr], dir);
    const viaSign = await cfsslTs(['gencert', '-ca', 'ca.pem', '-ca-key', 'ca.pem', '-config', bad, '-profile', 'inter', csr], dir);
    for (const run of [r, viaSign]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'Failed to load config file: {"code":5200,"message":"signing.profiles.inter.name_constraints.excluded_uri_domains[0]: invalid URI domain \\"https://x.example\\": write a host (example.com) or, for its subdomains only, .example.com"}',
      );
    }
    const notCa = write('not-ca.json', profile({ name_constraints: { permitted_dns_domains: ['example.com'] } }));
    const n = await cfsslTs(['gencert', '-ca', 'ca.pem', '-ca-key', 'ca.pem', '-config', notCa, '-profile', 'inter', csr], dir);
    expect(n.status).toBe(1);
    expect(n.stderr).toContain(
      '{"code":5200,"message":"signing.profiles.inter.name_constraints: name constraints apply to CA certificates only: set ca_constraint.is_ca"}',
    );
  });
});
