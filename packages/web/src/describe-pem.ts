// What the page shows of a certificate or a CSR: a few labelled rows (subject, SANs, validity, usages in cfssl's
// vocabulary) and cfssl's certinfo JSON (`cfssl certinfo -cert` / `-csr`, from core).
import {
  EXT_KEY_USAGE_OIDS,
  KEY_USAGE_BITS,
  certificateInfoFromPem,
  csrInfoFromPem,
  decodeFirstPem,
  parseCertificate,
  parseCsr,
  parseSpki,
  type ParsedName,
  type SubjectAltNames,
} from '@cfssl-ts/core';
import { formatGoIp } from '@cfssl-ts/core/go';

/** One labelled value of a description; `values` has one entry per line. */
export interface DescriptionRow {
  label: string;
  values: string[];
}

/** A decoded certificate or CSR. */
export interface PemDescription {
  kind: 'certificate' | 'csr';
  rows: DescriptionRow[];
  /** cfssl certinfo's JSON for it. */
  certinfo: string;
}

// Short names of RFC 4519 attribute types, as OpenSSL prints a subject.
const ATTRIBUTE_NAMES = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'street'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.17', 'postalCode'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
]);

// The first cfssl usage name of each key usage bit and EKU OID (core's config/usages.ts tables): 'signing', 'server auth', ...
function firstNames<V>(table: ReadonlyMap<string, V>): Map<V, string> {
  const names = new Map<V, string>();
  for (const [name, value] of table) if (!names.has(value)) names.set(value, name);
  return names;
}
const KEY_USAGE_NAMES = firstNames(KEY_USAGE_BITS);
const EXT_KEY_USAGE_NAMES = firstNames(EXT_KEY_USAGE_OIDS);

function formatName(name: ParsedName): string {
  const text = name.attributes.map((a) => `${ATTRIBUTE_NAMES.get(a.oid) ?? a.oid}=${a.value ?? '(not a string)'}`).join(', ');
  return text === '' ? '(empty)' : text;
}

function formatSans(sans: SubjectAltNames): string[] {
  return [
    ...sans.dnsNames.map((d) => `DNS: ${d}`),
    ...sans.ipAddresses.map((ip) => `IP: ${formatGoIp(ip)}`),
    ...sans.emailAddresses.map((e) => `email: ${e}`),
    ...sans.uris.map((u) => `URI: ${u}`),
  ];
}

function formatKey(spki: Uint8Array): string {
  try {
    const key = parseSpki(spki);
    return key.algorithm === 'ecdsa' ? `ECDSA ${key.curve ?? ''} (${key.bits} bits)` : `${key.algorithm.toUpperCase()} ${key.bits} bits`;
  } catch {
    return 'a key cfssl does not use';
  }
}

function usageNames(keyUsage: number, extKeyUsage: readonly string[]): string[] {
  const names: string[] = [];
  for (const [bit, name] of KEY_USAGE_NAMES) if ((keyUsage & bit) !== 0) names.push(name);
  for (const oid of extKeyUsage) names.push(EXT_KEY_USAGE_NAMES.get(oid) ?? oid);
  return names;
}

const isoTime = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * Describe a PEM certificate or CSR (a `CERTIFICATE REQUEST` label means a CSR). Throws
 * CfsslError with cfssl certinfo's message for what cfssl would not read.
 *
 * @example
 * describePem(caPem).rows.find((r) => r.label === 'Subject')?.values // ['C=CN, ST=Beijing, L=Beijing, CN=etcd CA']
 */
export function describePem(text: string): PemDescription {
  const bytes = new TextEncoder().encode(text);
  const block = decodeFirstPem(text);
  if (block !== null && /CERTIFICATE REQUEST$/.test(block.label)) {
    const certinfo = csrInfoFromPem(bytes);
    const csr = parseCsr(block.der);
    const rows: DescriptionRow[] = [
      { label: 'Subject', values: [formatName(csr.subject)] },
      { label: 'SANs', values: formatSans(csr.sans) },
      { label: 'Key', values: [formatKey(csr.subjectPublicKeyInfo)] },
    ];
    return { kind: 'csr', rows, certinfo };
  }
  const certinfo = certificateInfoFromPem(bytes);
  // certinfo read the first block (or a PKCS #7 holding one certificate); the rows need a plain certificate
  let cert;
  try {
    cert = parseCertificate(block?.der ?? new Uint8Array());
  } catch {
    return { kind: 'certificate', rows: [], certinfo };
  }
  const rows: DescriptionRow[] = [
    { label: 'Subject', values: [formatName(cert.subject)] },
    { label: 'Issuer', values: [formatName(cert.issuer)] },
    { label: 'Serial number', values: [cert.serialNumber.toString()] },
    { label: 'SANs', values: formatSans(cert.sans) },
    { label: 'Valid from', values: [isoTime(cert.notBefore)] },
    { label: 'Valid until', values: [isoTime(cert.notAfter)] },
    { label: 'Usages', values: usageNames(cert.keyUsage, cert.extKeyUsage) },
    { label: 'CA', values: [cert.basicConstraintsValid && cert.isCa ? 'yes' : 'no'] },
    { label: 'Key', values: [formatKey(cert.subjectPublicKeyInfo)] },
  ];
  return { kind: 'certificate', rows, certinfo };
}
