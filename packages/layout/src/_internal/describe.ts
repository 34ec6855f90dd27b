// Human-readable renderings of names, SANs, usages and dates for layout reports.
import { type ParsedName, type SubjectAltNames } from '@cfssl-ts/core';
import { formatGoIp } from '@cfssl-ts/core/go';

// RFC 4514 §3 short names (plus emailAddress) for the attributes cfssl writes.
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.17': 'POSTALCODE',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

// RFC 5280 §4.2.1.12 names of the extended key usages cfssl profiles can ask for.
const EKU_NAMES: Readonly<Record<string, string>> = {
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.5': 'ipsecEndSystem',
  '1.3.6.1.5.5.7.3.6': 'ipsecTunnel',
  '1.3.6.1.5.5.7.3.7': 'ipsecUser',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

/** The extended key usage OIDs a role needs (Go crypto/x509 ExtKeyUsageServerAuth / ClientAuth). */
export const SERVER_AUTH_OID = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';
export const ANY_EKU_OID = '2.5.29.37.0';

/** `C=CN, ST=BeiJing, L=BeiJing, CN=etcd`: attributes in encoded order. */
export function describeName(name: ParsedName): string {
  return name.attributes.map((a) => `${SHORT_NAMES[a.oid] ?? a.oid}=${a.value ?? '(binary)'}`).join(', ');
}

/** SAN entries in the order Go encodes them: DNS names, emails, IPs, URIs. */
export function describeSans(sans: SubjectAltNames): string[] {
  return [...sans.dnsNames, ...sans.emailAddresses, ...sans.ipAddresses.map(formatGoIp), ...sans.uris];
}

/** One key per SAN, typed, for set comparison (`ip:10.0.0.1`, `dns:etcd`). */
export function sanKeys(sans: SubjectAltNames): Set<string> {
  return new Set([
    ...sans.dnsNames.map((d) => `dns:${d}`),
    ...sans.emailAddresses.map((e) => `email:${e}`),
    ...sans.ipAddresses.map((ip) => `ip:${formatGoIp(ip)}`),
    ...sans.uris.map((u) => `uri:${u}`),
  ]);
}

export function describeEku(oid: string): string {
  return EKU_NAMES[oid] ?? oid;
}

/** `2035-11-26 02:33:00 UTC` */
export function describeTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Whole days from `now` until `until` (negative once past). */
export function daysUntil(until: number, now: number): number {
  return Math.floor((until - now) / 86_400_000);
}

/** `[a, b]` */
export function bracketList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}
