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

// Go matchExactly
function matchExactly(a: string, b: string): boolean {
  if (a === '' || a === '.' || b === '' || b === '.') return false;
  return toLowerAscii(a) === toLowerAscii(b);
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
    valid = cert.sans.ipAddresses.map(formatGoIp).join(', ');
  } else {
    valid = cert.sans.dnsNames.join(', ');
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
  if (ip !== null) {
    // net.IP.Equal: 4-byte and IPv4-mapped 16-byte forms of an address are equal
    const want = formatGoIp(ip);
    return cert.sans.ipAddresses.some((san) => formatGoIp(san) === want) ? null : hostnameErrorText(cert, candidateIp);
  }
  const candidate = toLowerAscii(host);
  const validCandidate = validHostname(candidate, false);
  for (const name of cert.sans.dnsNames) {
    const ok = validCandidate && validHostname(name, true) ? matchHostnames(name, candidate) : matchExactly(name, candidate);
    if (ok) return null;
  }
  return hostnameErrorText(cert, host);
}
