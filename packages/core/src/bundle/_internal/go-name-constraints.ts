// Go crypto/x509 (1.19) name constraint checks of Certificate.isValid, for a CA over the SANs of the
// chain below it (RFC 5280 §4.2.1.10 as Go applies it: to roots too, to every SAN-bearing cert).
import { formatGoIp } from '../../go/parse-ip.js';
import { goQuote } from '../../go/strconv-quote.js';
import type { ChainCertificate, IpRange, NameConstraintSet } from './chain-certificate.js';
import { parseSubjectAltNames } from '../../cert/parse-extensions.js';
import { parseGoMailbox } from '../../x509/_internal/go-rfc2821-mailbox.js';

const MAX_CONSTRAINT_COMPARISONS = 250_000;

/** Why a name is refused: Go CertificateInvalidError reasons CANotAuthorizedForThisName / TooManyConstraints. */
export interface NameConstraintViolation {
  reason: 'name' | 'too-many';
  detail: string;
}

// Go domainToReverseLabels.
function reverseLabels(domain: string): string[] | null {
  const labels: string[] = [];
  let d = domain;
  while (d.length > 0) {
    const i = d.lastIndexOf('.');
    if (i === -1) {
      labels.push(d);
      d = '';
    } else {
      labels.push(d.slice(i + 1));
      d = d.slice(0, i);
    }
  }
  if (labels.length > 0 && labels[0]!.length === 0) return null;
  for (const label of labels) {
    if (label.length === 0) return null;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      if (c < 33 || c > 126) return null;
    }
  }
  return labels;
}

const fold = (s: string): string => s.toLowerCase();

// Go matchDomainConstraint: empty matches all; a leading '.' requires at least one more label.
function matchDomain(domain: string, constraint: string): boolean {
  if (constraint.length === 0) return true;
  const domainLabels = reverseLabels(domain);
  if (!domainLabels) throw new Error(`x509: internal error: cannot parse domain ${goQuote(domain)}`);
  let c = constraint;
  let mustHaveSubdomains = false;
  if (c[0] === '.') {
    mustHaveSubdomains = true;
    c = c.slice(1);
  }
  const constraintLabels = reverseLabels(c);
  if (!constraintLabels) throw new Error(`x509: internal error: cannot parse domain ${goQuote(c)}`);
  if (domainLabels.length < constraintLabels.length || (mustHaveSubdomains && domainLabels.length === constraintLabels.length))
    return false;
  return constraintLabels.every((label, i) => fold(label) === fold(domainLabels[i]!));
}

function matchEmail(mailbox: { local: string; domain: string }, constraint: string): boolean {
  if (constraint.includes('@')) {
    const c = parseGoMailbox(constraint);
    if (!c) throw new Error(`x509: internal error: cannot parse constraint ${goQuote(constraint)}`);
    return mailbox.local === c.local && fold(mailbox.domain) === fold(c.domain);
  }
  return matchDomain(mailbox.domain, constraint);
}

// Go matchURIConstraint: the host of the URI (no port), IP hosts refused.
function matchUri(uri: string, constraint: string): boolean {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(uri);
  let host = m ? m[1]!.replace(/^[^@]*@/, '') : '';
  if (host.length === 0) throw new Error(`URI with empty host (${goQuote(uri)}) cannot be matched against constraints`);
  if (host.includes(':') && !host.endsWith(']')) host = host.slice(0, host.lastIndexOf(':'));
  if ((host.startsWith('[') && host.endsWith(']')) || /^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    throw new Error(`URI with IP (${goQuote(uri)}) cannot be matched against constraints`);
  }
  return matchDomain(host, constraint);
}

function matchIp(ip: Uint8Array, range: IpRange): boolean {
  if (ip.length !== range.ip.length) return false;
  return ip.every((b, i) => (b & range.mask[i]!) === (range.ip[i]! & range.mask[i]!));
}

// Go net.IPNet.String for an iPAddress constraint: address/prefix when the mask is canonical.
function ipRangeText(r: IpRange): string {
  let ones = 0;
  let canonical = true;
  let seenZero = false;
  for (const b of r.mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = (b >> bit) & 1;
      if (set && seenZero) canonical = false;
      if (set) ones++;
      else seenZero = true;
    }
  }
  const ip = formatGoIp(r.ip.map((b, i) => b & r.mask[i]!));
  return canonical ? `${ip}/${ones}` : `${ip}/${Array.from(r.mask, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface Counter {
  n: number;
}

function check<N, C>(
  counter: Counter,
  nameType: string,
  name: string,
  parsed: N,
  match: (parsed: N, constraint: C) => boolean,
  permitted: readonly C[],
  excluded: readonly C[],
  show: (c: C) => string,
): NameConstraintViolation | null {
  counter.n += excluded.length;
  if (counter.n > MAX_CONSTRAINT_COMPARISONS) return { reason: 'too-many', detail: '' };
  for (const c of excluded) {
    let m: boolean;
    try {
      m = match(parsed, c);
    } catch (e) {
      return { reason: 'name', detail: (e as Error).message };
    }
    if (m) return { reason: 'name', detail: `${nameType} ${goQuote(name)} is excluded by constraint ${goQuote(show(c))}` };
  }
  counter.n += permitted.length;
  if (counter.n > MAX_CONSTRAINT_COMPARISONS) return { reason: 'too-many', detail: '' };
  let ok = true;
  for (const c of permitted) {
    try {
      ok = match(parsed, c);
    } catch (e) {
      return { reason: 'name', detail: (e as Error).message };
    }
    if (ok) break;
  }
  if (!ok) return { reason: 'name', detail: `${nameType} ${goQuote(name)} is not permitted by any constraint` };
  return null;
}

/** Check the SANs of every SAN-bearing certificate of `chain` against the constraints `nc` of a CA. */
export function checkNameConstraints(nc: NameConstraintSet, chain: readonly ChainCertificate[]): NameConstraintViolation | null {
  const counter: Counter = { n: 0 };
  const id = (s: string): string => s;
  for (const link of chain) {
    const sanExt = link.cert.extensions.find((e) => e.oid === '2.5.29.17');
    if (!sanExt) continue;
    const sans = parseSubjectAltNames(sanExt.value);
    for (const email of sans.emailAddresses) {
      const mailbox = parseGoMailbox(email);
      if (!mailbox) return { reason: 'name', detail: `x509: cannot parse rfc822Name ${goQuote(email)}` };
      const v = check(counter, 'email address', email, mailbox, matchEmail, nc.permittedEmail, nc.excludedEmail, id);
      if (v) return v;
    }
    for (const dns of sans.dnsNames) {
      if (!reverseLabels(dns)) return { reason: 'name', detail: `x509: cannot parse dnsName ${goQuote(dns)}` };
      const v = check(counter, 'DNS name', dns, dns, matchDomain, nc.permittedDns, nc.excludedDns, id);
      if (v) return v;
    }
    for (const uri of sans.uris) {
      const v = check(counter, 'URI', uri, uri, matchUri, nc.permittedUri, nc.excludedUri, id);
      if (v) return v;
    }
    for (const ip of sans.ipAddresses) {
      const v = check(counter, 'IP address', formatGoIp(ip), ip, matchIp, nc.permittedIp, nc.excludedIp, ipRangeText);
      if (v) return v;
    }
  }
  return null;
}
