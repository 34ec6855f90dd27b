// `name_constraints` (CSR JSON `ca`, signing profiles) checked entry by entry into Go's x509 template fields.
import { CfsslError } from '../errors/cfssl-error.js';
import { parseGoCidr } from '../go/parse-cidr.js';
import { parseGoIp } from '../go/parse-ip.js';
import { goQuote } from '../go/strconv-quote.js';
import { isValidGoDomain } from '../x509/_internal/go-valid-domain.js';
import { parseGoMailbox } from '../x509/_internal/go-rfc2821-mailbox.js';
import type { IpRange } from '../x509/name-constraint-set.js';
import type { DecodedNameConstraints } from './name-constraints-go-type.js';
import type { NameConstraints } from './name-constraints.js';

/** One rejected entry: its JSON path (`ca.name_constraints.permitted_ip_ranges[1]`) and why. */
export interface NameConstraintProblem {
  path: string;
  message: string;
}

const V4_IN_V6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

const HOST_FORMS = 'a host (example.com) or, for its subdomains only, .example.com';

// A DNS or URI domain constraint: Go parseNameConstraintsExtension's domainToReverseLabels after a leading '.'.
function domainProblem(entry: string, kind: string): string | undefined {
  const bare = entry.startsWith('.') ? entry.slice(1) : entry;
  if (bare.includes('*')) return `invalid ${kind} ${goQuote(entry)}: no wildcards; write ${HOST_FORMS}`;
  if (bare === '' || bare.startsWith('.') || !isValidGoDomain(bare) || /[@/:]/.test(bare))
    return `invalid ${kind} ${goQuote(entry)}: write ${HOST_FORMS}`;
  return undefined;
}

function dnsProblem(entry: string): string | undefined {
  return domainProblem(entry, 'DNS domain');
}

// Go: a URI constraint is a host, never an IP address ("cannot be IP address").
function uriProblem(entry: string): string | undefined {
  if (parseGoIp(entry) !== null)
    return `invalid URI domain ${goQuote(entry)}: an IP address cannot be a URI constraint; use permitted_ip_ranges`;
  return domainProblem(entry, 'URI domain');
}

// Go: with '@' a mailbox (parseRFC2821Mailbox), else a host or a leading-'.' domain.
function emailProblem(entry: string): string | undefined {
  const mailbox = entry.includes('@') ? parseGoMailbox(entry) : null;
  const domain = mailbox ? mailbox.domain : entry.startsWith('.') ? entry.slice(1) : entry;
  const bad = domain === '' || domain.startsWith('.') || !isValidGoDomain(domain) || domain.includes('@');
  if ((entry.includes('@') && mailbox === null) || bad) {
    return `invalid email constraint ${goQuote(entry)}: write a mailbox (user@example.com), a host (example.com) or a domain (.example.com)`;
  }
  return undefined;
}

/**
 * Check a decoded `name_constraints` object and turn it into {@link NameConstraints}: DNS and URI
 * domains (`example.com`, `.example.com`), email constraints (mailbox, host or domain), IP ranges as
 * CIDRs (Go net.ParseCIDR; host bits are masked off as Go does), every text entry ASCII (IA5String).
 * Every bad entry is reported with its JSON path under `path`; the result is null when there are any.
 *
 * @example resolveNameConstraints(decoded, 'ca.name_constraints').problems // [{ path: 'ca.name_constraints.permitted_ip_ranges[1]', message: 'invalid CIDR "10.0.0/33"' }]
 */
export function resolveNameConstraints(
  decoded: DecodedNameConstraints,
  path: string,
): { constraints: NameConstraints | null; problems: NameConstraintProblem[] } {
  const problems: NameConstraintProblem[] = [];
  const texts = (key: string, list: string[] | null, check: (entry: string) => string | undefined): string[] =>
    (list ?? []).filter((entry, i) => {
      const problem = /[\u0080-\uffff]/.test(entry)
        ? `${goQuote(entry)} is not ASCII (an IA5String): write internationalised names in their xn-- form`
        : entry === ''
          ? 'empty entry'
          : check(entry);
      if (problem !== undefined) problems.push({ path: `${path}.${key}[${i}]`, message: problem });
      return problem === undefined;
    });
  const ranges = (key: string, list: string[] | null): IpRange[] =>
    (list ?? []).flatMap((entry, i) => {
      const net = parseGoCidr(entry);
      const problem =
        net === null
          ? `invalid CIDR ${goQuote(entry)}`
          : net.ip.length === 16 && V4_IN_V6.every((b, k) => net.ip[k] === b)
            ? `${goQuote(entry)} is an IPv4-mapped IPv6 range, which matches no IPv4 address (Go and openssl compare addresses of one length): write the IPv4 range`
            : undefined;
      if (problem !== undefined) problems.push({ path: `${path}.${key}[${i}]`, message: problem });
      return net === null || problem !== undefined ? [] : [net];
    });
  const constraints: NameConstraints = {
    permittedDns: texts('permitted_dns_domains', decoded.PermittedDNSDomains, dnsProblem),
    excludedDns: texts('excluded_dns_domains', decoded.ExcludedDNSDomains, dnsProblem),
    permittedIp: ranges('permitted_ip_ranges', decoded.PermittedIPRanges),
    excludedIp: ranges('excluded_ip_ranges', decoded.ExcludedIPRanges),
    permittedEmail: texts('permitted_email_addresses', decoded.PermittedEmailAddresses, emailProblem),
    excludedEmail: texts('excluded_email_addresses', decoded.ExcludedEmailAddresses, emailProblem),
    permittedUri: texts('permitted_uri_domains', decoded.PermittedURIDomains, uriProblem),
    excludedUri: texts('excluded_uri_domains', decoded.ExcludedURIDomains, uriProblem),
    critical: decoded.Critical,
  };
  return { constraints: problems.length > 0 ? null : constraints, problems };
}

/** The error for {@link resolveNameConstraints}' problems: the first as the message, all as findings. */
export function nameConstraintsError(problems: readonly NameConstraintProblem[], cfsslCode: number): CfsslError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new CfsslError('ERR_NAME_CONSTRAINTS', cfsslCode, `${first.path}: ${first.message}${more}`, { findings: problems });
}
