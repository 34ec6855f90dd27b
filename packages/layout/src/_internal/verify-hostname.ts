// Go crypto/x509 Certificate.VerifyHostname and HostnameError.Error(), over core's parsed certificate.
import { type ParsedCertificate } from '@cfssl-ts/core';
import { formatGoIp, parseGoIp } from '@cfssl-ts/core/go';

const SUBJECT_ALT_NAME_OID = '2.5.29.17';

// Go toLowerCaseASCII
function toLowerAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// Go validHostname (RFC 6125 §2.2 with Go's leniency: '_' allowed, '*' only as a whole left-most pattern label)
function validHostname(host: string, isPattern: boolean): boolean {
  const h = isPattern ? host : host.replace(/\.$/, '');
  if (h.length === 0) return false;
  return h.split('.').every((part, i) => {
    if (part === '') return false;
    if (isPattern && i === 0 && part === '*') return true;
    return part.split('').every((c, j) => /[a-zA-Z0-9_]/.test(c) || (c === '-' && j !== 0));
  });
}

// What VerifyHostname compares against, computed once per certificate: Go tries every SAN for every host
// (matchHostnames / matchExactly), which is quadratic for a CSR of thousands of hosts; the same answers come
// from set lookups. Valid patterns have no empty label, so label-wise equality is string equality.
interface SanIndex {
  /** Go matchExactly candidates: every DNS SAN but "" and ".", lower-cased. */
  exact: Set<string>;
  /** matchExactly for a valid host: the DNS SANs that are not valid patterns, lower-cased. */
  exactInvalid: Set<string>;
  /** Valid patterns without a wildcard, lower-cased. */
  plain: Set<string>;
  /** Valid `*` patterns: what follows the `*` label ("" for `*` alone). */
  wildcardRest: Set<string>;
  /** IP SANs as Go prints them. */
  ips: Set<string>;
  /** HostnameError's list of valid names (DNS SANs, IP SANs), joined once. */
  dnsText: string;
  ipText: string;
}

const indexes = new WeakMap<ParsedCertificate, SanIndex>();

function sanIndex(cert: ParsedCertificate): SanIndex {
  let index = indexes.get(cert);
  if (index !== undefined) return index;
  const ipTexts = cert.sans.ipAddresses.map(formatGoIp);
  index = {
    exact: new Set(),
    exactInvalid: new Set(),
    plain: new Set(),
    wildcardRest: new Set(),
    ips: new Set(ipTexts),
    dnsText: cert.sans.dnsNames.join(', '),
    ipText: ipTexts.join(', '),
  };
  for (const name of cert.sans.dnsNames) {
    const lower = toLowerAscii(name);
    if (name !== '' && name !== '.') index.exact.add(lower);
    if (!validHostname(name, true)) {
      if (name !== '' && name !== '.') index.exactInvalid.add(lower);
    } else if (lower === '*' || lower.startsWith('*.')) {
      index.wildcardRest.add(lower.slice(2));
    } else {
      index.plain.add(lower);
    }
  }
  indexes.set(cert, index);
  return index;
}

// Go matchHostnames: a left-most '*' label matches exactly one label
function matchHostnames(pattern: string, host: string): boolean {
  const p = toLowerAscii(pattern);
  const h = toLowerAscii(host.replace(/\.$/, ''));
  if (p.length === 0 || h.length === 0) return false;
  const pp = p.split('.');
  const hp = h.split('.');
  if (pp.length !== hp.length) return false;
  return pp.every((label, i) => (i === 0 && label === '*') || label === hp[i]);
}

// Go HostnameError.Error()
function hostnameErrorText(cert: ParsedCertificate, host: string): string {
  const hasSanExtension = cert.extensions.some((e) => e.oid === SUBJECT_ALT_NAME_OID);
  if (!hasSanExtension && matchHostnames(cert.subject.name.commonName, host)) {
    return 'x509: certificate relies on legacy Common Name field, use SANs instead';
  }
  let valid: string;
  if (parseGoIp(host) !== null) {
    if (cert.sans.ipAddresses.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    valid = sanIndex(cert).ipText;
  } else {
    valid = sanIndex(cert).dnsText;
  }
  if (valid === '') return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${valid}, not ${host}`;
}

/**
 * What Go's `cert.VerifyHostname(host)` returns: null when the certificate is valid for `host`,
 * else the error text Go prints (the one etcd and kubectl users see, e.g.
 * `x509: certificate is valid for 127.0.0.1, not 10.0.0.5`). IPs (optionally in brackets) match
 * IP SANs only; names match DNS SANs case-insensitively, with a left-most `*` label.
 */
export function verifyHostname(cert: ParsedCertificate, host: string): string | null {
  const candidateIp = host.length >= 3 && host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const ip = parseGoIp(candidateIp);
  const index = sanIndex(cert);
  if (ip !== null) {
    // net.IP.Equal: 4-byte and IPv4-mapped 16-byte forms of an address are equal
    return index.ips.has(formatGoIp(ip)) ? null : hostnameErrorText(cert, candidateIp);
  }
  const candidate = toLowerAscii(host);
  if (validHostname(candidate, false)) {
    // matchHostnames against valid patterns, matchExactly against the others
    const h = candidate.replace(/\.$/, '');
    const dot = h.indexOf('.');
    if (index.plain.has(h) || index.wildcardRest.has(dot < 0 ? '' : h.slice(dot + 1)) || index.exactInvalid.has(candidate)) return null;
  } else if (candidate !== '' && candidate !== '.' && index.exact.has(candidate)) {
    return null;
  }
  return hostnameErrorText(cert, host);
}
