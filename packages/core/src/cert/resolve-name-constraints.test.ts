import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { parseConfig } from '../config/parse-config.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import type { NameConstraintsJson } from '../csr-request/csr-request-json.js';

function csrError(nc: NameConstraintsJson): CfsslError {
  try {
    parseCsrRequest({ CN: 'ca', ca: { name_constraints: nc } });
  } catch (e) {
    if (e instanceof CfsslError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('name_constraints entries', () => {
  it('names a bad CIDR by its JSON path, with a stable code and a plain (cfssl code 0) error', () => {
    const e = csrError({ permitted_ip_ranges: ['10.0.0.0/8', '10.0.0/33'] });
    expect(e.code).toBe('ERR_NAME_CONSTRAINTS');
    expect(e.plain).toBe(true);
    expect(e.message).toBe('ca.name_constraints.permitted_ip_ranges[1]: invalid CIDR "10.0.0/33"');
  });

  it('reports every bad entry in findings and counts the rest in the message', () => {
    const e = csrError({ excluded_ip_ranges: ['10.0.0.1'], permitted_dns_domains: ['a..b', 'ok.example.com', '*.example.com'] });
    expect(e.findings.map((f) => f.path)).toEqual([
      'ca.name_constraints.permitted_dns_domains[0]',
      'ca.name_constraints.permitted_dns_domains[2]',
      'ca.name_constraints.excluded_ip_ranges[0]',
    ]);
    expect(e.message).toBe(
      'ca.name_constraints.permitted_dns_domains[0]: invalid DNS domain "a..b": write a host (example.com) or, for its subdomains only, .example.com (and 2 more)',
    );
    expect(e.findings[1]!.message).toMatch(/^invalid DNS domain "\*\.example\.com": no wildcards/);
  });

  it.each([
    [{ permitted_dns_domains: [''] }, 'permitted_dns_domains[0]: empty entry'],
    [{ permitted_dns_domains: ['example.com.'] }, 'permitted_dns_domains[0]: invalid DNS domain "example.com."'],
    [{ excluded_dns_domains: ['bücher.example'] }, 'excluded_dns_domains[0]: "bücher.example" is not ASCII (an IA5String)'],
    [{ permitted_email_addresses: ['@example.com'] }, 'permitted_email_addresses[0]: invalid email constraint "@example.com"'],
    [{ excluded_email_addresses: ['user@'] }, 'excluded_email_addresses[0]: invalid email constraint "user@"'],
    [{ permitted_email_addresses: ['a b@example.com'] }, 'permitted_email_addresses[0]: invalid email constraint "a b@example.com"'],
    [{ permitted_email_addresses: ['a@.example.com'] }, 'permitted_email_addresses[0]: invalid email constraint "a@.example.com"'],
    [{ permitted_dns_domains: ['..example.com'] }, 'permitted_dns_domains[0]: invalid DNS domain "..example.com"'],
    [{ permitted_uri_domains: ['https://example.com/'] }, 'permitted_uri_domains[0]: invalid URI domain "https://example.com/"'],
    [{ permitted_uri_domains: ['10.0.0.1'] }, 'permitted_uri_domains[0]: invalid URI domain "10.0.0.1": an IP address cannot be'],
    [{ excluded_uri_domains: ['[::1]'] }, 'excluded_uri_domains[0]: invalid URI domain "[::1]"'],
    [{ permitted_ip_ranges: ['fd00::/129'] }, 'permitted_ip_ranges[0]: invalid CIDR "fd00::/129"'],
    [{ excluded_ip_ranges: ['::ffff:10.0.0.0/104'] }, 'excluded_ip_ranges[0]: "::ffff:10.0.0.0/104" is an IPv4-mapped IPv6 range'],
  ] as [NameConstraintsJson, string][])('refuses %j', (nc, text) => {
    expect(csrError(nc).message.startsWith(`ca.name_constraints.${text}`)).toBe(true);
  });

  it('refuses a wrong JSON type with Go decoding text', () => {
    const e = (() => {
      try {
        parseCsrRequest('{"CN":"ca","ca":{"name_constraints":{"permitted_dns_domains":"example.com"}}}');
      } catch (err) {
        return err as CfsslError;
      }
      throw new Error('no error');
    })();
    expect(e.code).toBe('ERR_CSR_REQUEST');
    expect(e.message).toMatch(/^json: cannot unmarshal string into Go struct field .*permitted_dns_domains of type \[\]string$/);
  });

  it('accepts the forms Go accepts and keeps order', () => {
    const nc = parseCsrRequest({
      CN: 'ca',
      ca: {
        name_constraints: {
          permitted_dns_domains: ['example.com', '.example.net'],
          permitted_email_addresses: ['admin@example.com', 'example.com', '.example.org'],
          permitted_uri_domains: ['.spiffe.example'],
          excluded_ip_ranges: ['10.1.2.3/8'],
          critical: true,
        },
      },
    }).ca?.nameConstraints;
    expect(nc?.permittedDns).toEqual(['example.com', '.example.net']);
    expect(nc?.permittedEmail).toEqual(['admin@example.com', 'example.com', '.example.org']);
    expect(nc?.excludedIp).toEqual([{ ip: Uint8Array.of(10, 0, 0, 0), mask: Uint8Array.of(255, 0, 0, 0) }]);
    expect(nc?.critical).toBe(true);
  });

  it('in a profile: errors name the profile path (cfssl code 5200), and a non-CA profile is refused', () => {
    const load = (profile: object): CfsslError => {
      try {
        parseConfig({ signing: { profiles: { inter: { usages: ['cert sign'], expiry: '1h', ...profile } } } });
      } catch (e) {
        if (e instanceof CfsslError) return e;
        throw e;
      }
      throw new Error('no error');
    };
    const bad = load({ ca_constraint: { is_ca: true }, name_constraints: { permitted_ip_ranges: ['10.0.0/33'] } });
    expect([bad.code, bad.cfsslCode, bad.message]).toEqual([
      'ERR_NAME_CONSTRAINTS',
      5200,
      'signing.profiles.inter.name_constraints.permitted_ip_ranges[0]: invalid CIDR "10.0.0/33"',
    ]);
    const notCa = load({ name_constraints: { permitted_dns_domains: ['example.com'] } });
    expect([notCa.code, notCa.message]).toEqual([
      'ERR_NAME_CONSTRAINTS',
      'signing.profiles.inter.name_constraints: name constraints apply to CA certificates only: set ca_constraint.is_ca',
    ]);
    expect(
      parseConfig({
        signing: { default: { expiry: '1h', ca_constraint: { is_ca: true }, name_constraints: { excluded_dns_domains: ['x.example'] } } },
      }).policy.defaultProfile.nameConstraints?.excludedDns,
    ).toEqual(['x.example']);
  });
});
