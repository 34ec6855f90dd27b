import { describe, expect, it } from 'vitest';
import type { ChainCertificate, NameConstraintSet } from './chain-certificate.js';
import { checkNameConstraints } from './go-name-constraints.js';
import { encodeSubjectAltNames } from '../../cert/subject-alt-names.js';

// Expected verdicts follow Go crypto/x509 (1.19) verify.go: matchDomainConstraint (subdomains match a
// bare constraint, a leading '.' requires one more label, case-insensitive, empty matches all),
// matchEmailConstraint (a full mailbox matches exactly, otherwise the domain rule), matchIPConstraint.
function constraints(partial: Partial<NameConstraintSet>): NameConstraintSet {
  return {
    permittedDns: [],
    excludedDns: [],
    permittedEmail: [],
    excludedEmail: [],
    permittedUri: [],
    excludedUri: [],
    permittedIp: [],
    excludedIp: [],
    ...partial,
  };
}

function leaf(sans: { dns?: string[]; email?: string[]; ip?: number[][]; uri?: string[] }): ChainCertificate {
  const value = encodeSubjectAltNames({
    dnsNames: sans.dns ?? [],
    emailAddresses: sans.email ?? [],
    ipAddresses: (sans.ip ?? []).map((b) => Uint8Array.from(b)),
    uris: sans.uri ?? [],
  });
  return { cert: { extensions: [{ oid: '2.5.29.17', critical: false, value }] } } as unknown as ChainCertificate;
}

const detail = (nc: NameConstraintSet, c: ChainCertificate) => checkNameConstraints(nc, [c])?.detail ?? null;

describe('checkNameConstraints (Go x509 isValid name constraints)', () => {
  it('DNS: a bare constraint matches the name and its subdomains, case-insensitively', () => {
    const nc = constraints({ permittedDns: ['Example.com'] });
    expect(detail(nc, leaf({ dns: ['example.com', 'www.EXAMPLE.com', 'a.b.example.com'] }))).toBeNull();
    expect(detail(nc, leaf({ dns: ['notexample.com'] }))).toBe('DNS name "notexample.com" is not permitted by any constraint');
  });
  it('DNS: a leading dot requires at least one more label', () => {
    const nc = constraints({ permittedDns: ['.example.com'] });
    expect(detail(nc, leaf({ dns: ['www.example.com'] }))).toBeNull();
    expect(detail(nc, leaf({ dns: ['example.com'] }))).toBe('DNS name "example.com" is not permitted by any constraint');
  });
  it('DNS: excluded subtrees win and are reported with the constraint', () => {
    const nc = constraints({ permittedDns: ['example.com'], excludedDns: ['bad.example.com'] });
    expect(detail(nc, leaf({ dns: ['x.bad.example.com'] }))).toBe(
      'DNS name "x.bad.example.com" is excluded by constraint "bad.example.com"',
    );
  });
  it('an empty constraint matches everything; no permitted list permits everything', () => {
    expect(detail(constraints({ permittedDns: [''] }), leaf({ dns: ['anything.org'] }))).toBeNull();
    expect(detail(constraints({ excludedDns: ['evil.org'] }), leaf({ dns: ['good.org'] }))).toBeNull();
  });
  it('email: a mailbox matches exactly, a domain by the DNS rule', () => {
    expect(detail(constraints({ permittedEmail: ['ops@example.com'] }), leaf({ email: ['ops@EXAMPLE.com'] }))).toBeNull();
    expect(detail(constraints({ permittedEmail: ['ops@example.com'] }), leaf({ email: ['dev@example.com'] }))).toBe(
      'email address "dev@example.com" is not permitted by any constraint',
    );
    expect(detail(constraints({ permittedEmail: ['example.com'] }), leaf({ email: ['a@mail.example.com'] }))).toBeNull();
    expect(detail(constraints({ permittedEmail: ['.example.com'] }), leaf({ email: ['a@example.com'] }))).not.toBeNull();
  });
  it('IP: address and mask ranges of the same family', () => {
    const nc = constraints({ permittedIp: [{ ip: Uint8Array.of(10, 0, 0, 0), mask: Uint8Array.of(255, 0, 0, 0) }] });
    expect(detail(nc, leaf({ ip: [[10, 1, 2, 3]] }))).toBeNull();
    expect(detail(nc, leaf({ ip: [[11, 0, 0, 1]] }))).toBe('IP address "11.0.0.1" is not permitted by any constraint');
    const ex = constraints({ excludedIp: [{ ip: Uint8Array.of(192, 168, 0, 0), mask: Uint8Array.of(255, 255, 0, 0) }] });
    expect(detail(ex, leaf({ ip: [[192, 168, 1, 1]] }))).toBe('IP address "192.168.1.1" is excluded by constraint "192.168.0.0/16"');
  });
  it('URI: the host is matched like a domain, IP hosts cannot be', () => {
    const nc = constraints({ permittedUri: ['.example.com'] });
    expect(detail(nc, leaf({ uri: ['https://api.example.com:8443/x'] }))).toBeNull();
    expect(detail(nc, leaf({ uri: ['https://10.0.0.1/'] }))).toBe(
      'URI with IP ("https://10.0.0.1/") cannot be matched against constraints',
    );
  });
  it('ignores certificates without a SAN extension (Go ≥1.15 no longer reads the CN)', () => {
    const noSan = { cert: { extensions: [] } } as unknown as ChainCertificate;
    expect(checkNameConstraints(constraints({ permittedDns: ['example.com'] }), [noSan])).toBeNull();
  });
});
