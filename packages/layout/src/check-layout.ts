// A certificate directory checked the way its consumers (etcd, kube-apiserver, kubectl: Go crypto/tls) will check it.
import { classifyHosts, keysMatch, parseCsrRequest, type ParsedCertificate, type WebCrypto } from '@cfssl-ts/core';
import { formatGoIp } from '@cfssl-ts/core/go';
import { isSignedBy } from './_internal/certificate-mismatches.js';
import { certificateRole } from './_internal/certificate-role.js';
import {
  ANY_EKU_OID,
  CLIENT_AUTH_OID,
  SERVER_AUTH_OID,
  bracketList,
  daysUntil,
  describeEku,
  describeName,
  describeSans,
  describeTime,
} from './_internal/describe.js';
import { issuedFileNames } from './layout-file-names.js';
import { leftoverWriteFiles } from './leftover-write-files.js';
import { parseCertificateFile, parseKeyFile } from './_internal/parse-layout-pem.js';
import { verifyHostname } from './_internal/verify-hostname.js';
import type { CertificateRole } from './layout-spec.js';

/** The findings for one certificate file. */
export interface CertificateCheck {
  /** File name inside the directory (`server.pem`). */
  file: string;
  /** `ca`, or the role the certificate is checked for (see {@link checkLayout}). */
  role: CertificateRole | 'ca';
  /** Subject, `C=CN, ST=BeiJing, L=BeiJing, CN=etcd`; empty when the file cannot be parsed. */
  subject: string;
  /** What a consumer would reject, in Go's words where Go has them; empty when all is well. */
  problems: string[];
  /** What was checked and passed, and warnings that are not failures (expiry within 30 days). */
  notes: string[];
  /** Whole days until notAfter (negative when expired); null when unparseable. */
  daysLeft: number | null;
}

/** The result of {@link checkLayout}. */
export interface LayoutCheck {
  /** The CA first, then the other certificates by file name. */
  certificates: CertificateCheck[];
  /** Problems of the directory as a whole (writer's temporary files left behind, no CA certificate found). */
  problems: string[];
  /** Total number of problems; a consumer-side check passes when it is 0. */
  problemCount: number;
}

/** Options of {@link checkLayout}. */
export interface CheckLayoutOptions {
  /** The time to check validity at (ms since epoch); default Date.now(). */
  now?: number;
  crypto?: WebCrypto;
  /** Warn (as a note) when fewer days than this remain; default 30. */
  warnDays?: number;
  /** Entries of the directory that are not files (a FIFO, a directory, a symlink loop), by name: the problem, naming the entry. */
  unreadable?: ReadonlyMap<string, string>;
}

const REQUIRED_USAGES: Readonly<Record<CertificateRole, readonly string[]>> = {
  server: [SERVER_AUTH_OID],
  client: [CLIENT_AUTH_OID],
  peer: [SERVER_AUTH_OID, CLIENT_AUTH_OID],
};

const ROLE_USE: Readonly<Record<CertificateRole, string>> = {
  server: 'a TLS server certificate',
  client: 'a TLS client certificate',
  peer: 'a certificate presented both as server and as client (etcd peers, kube-apiserver to etcd and kubelets)',
};

const decodeText = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

// Go time.Time.Format(time.RFC3339) in UTC
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Go checkChainForKeyUsage for one requested usage: every certificate with EKUs must list it or anyExtendedKeyUsage.
function chainAllows(chain: readonly ParsedCertificate[], usage: string): boolean {
  return chain.every((c) => c.extKeyUsage.length === 0 || c.extKeyUsage.includes(ANY_EKU_OID) || c.extKeyUsage.includes(usage));
}

function checkValidity(cert: ParsedCertificate, now: number, warnDays: number, check: CertificateCheck): void {
  check.daysLeft = daysUntil(cert.notAfter, now);
  // Go CertificateInvalidError{Reason: Expired}
  if (now > cert.notAfter) {
    check.problems.push(
      `x509: certificate has expired or is not yet valid: current time ${rfc3339(now)} is after ${rfc3339(cert.notAfter)}`,
    );
  } else if (now < cert.notBefore) {
    check.problems.push(
      `x509: certificate has expired or is not yet valid: current time ${rfc3339(now)} is before ${rfc3339(cert.notBefore)}`,
    );
  } else {
    const note = `valid until ${describeTime(cert.notAfter)} (${check.daysLeft} days)`;
    check.notes.push(check.daysLeft < warnDays ? `${note}: renew it soon` : note);
  }
}

async function checkKey(
  cert: ParsedCertificate,
  certFile: string,
  files: ReadonlyMap<string, Uint8Array>,
  required: boolean,
  crypto: WebCrypto,
  check: CertificateCheck,
): Promise<void> {
  const keyFile = issuedFileNames(certFile.replace(/\.pem$/, '')).key;
  const bytes = files.get(keyFile);
  if (bytes === undefined) {
    if (required) check.problems.push(`${keyFile} is missing (the private key of ${certFile})`);
    else check.notes.push(`${keyFile} is not here (only needed to sign)`);
    return;
  }
  const key = await parseKeyFile(bytes, crypto);
  if (!key.ok) check.problems.push(`${keyFile}: ${key.reason}`);
  // Go crypto/tls X509KeyPair's refusal
  else if (!keysMatch(key.value, cert.subjectPublicKeyInfo))
    check.problems.push(`tls: private key does not match public key (${keyFile} is not the key of ${certFile})`);
  else check.notes.push(`key ${keyFile} matches`);
}

// The hosts a certificate is meant for: its <base>-csr.json when present.
function intendedHosts(
  base: string,
  files: ReadonlyMap<string, Uint8Array>,
  check: CertificateCheck,
): { hosts: string[]; source: string } | null {
  const csrFile = `${base}-csr.json`;
  const bytes = files.get(csrFile);
  if (bytes === undefined) return null;
  try {
    return { hosts: parseCsrRequest(decodeText(bytes)).hosts, source: csrFile };
  } catch (error) {
    check.problems.push(`${csrFile}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function checkHosts(cert: ParsedCertificate, intended: { hosts: string[]; source: string } | null, check: CertificateCheck): void {
  const sans = describeSans(cert.sans);
  if (intended === null) {
    if (sans.length > 0) check.notes.push(`SANs ${bracketList(sans)} (no CSR JSON here to compare them with)`);
    return;
  }
  const missing: string[] = [];
  for (const host of intended.hosts) {
    // each entry as cfssl classifies it: IP, email, URI or DNS name
    const kind = classifyHosts([host]);
    let error: string | null;
    if (kind.emailAddresses[0] !== undefined)
      error = cert.sans.emailAddresses.includes(kind.emailAddresses[0]) ? null : `no email SAN ${kind.emailAddresses[0]}`;
    else if (kind.uris[0] !== undefined) error = cert.sans.uris.includes(kind.uris[0]) ? null : `no URI SAN ${kind.uris[0]}`;
    else error = verifyHostname(cert, kind.ipAddresses[0] !== undefined ? formatGoIp(kind.ipAddresses[0]) : host);
    if (error !== null) {
      missing.push(host);
      check.problems.push(`${error} (${intended.source} lists ${host})`);
    }
  }
  if (missing.length === 0 && intended.hosts.length > 0)
    check.notes.push(`valid for every host in ${intended.source}: ${intended.hosts.join(', ')}`);
}

function checkUsages(chain: readonly ParsedCertificate[], role: CertificateRole, check: CertificateCheck): void {
  const leaf = chain[0] as ParsedCertificate;
  const missing = REQUIRED_USAGES[role].filter((usage) => !chainAllows(chain, usage));
  const has = leaf.extKeyUsage.length === 0 ? 'no extended key usage (any)' : bracketList(leaf.extKeyUsage.map(describeEku));
  if (missing.length === 0) {
    check.notes.push(`usages ${has} fit ${role} use`);
    return;
  }
  // Go CertificateInvalidError{Reason: IncompatibleUsage}
  check.problems.push(
    `x509: certificate specifies an incompatible key usage: it has ${has}, ${ROLE_USE[role]} needs ${missing.map(describeEku).join(' and ')}`,
  );
}

function findCa(parsed: ReadonlyMap<string, ParsedCertificate>): string | null {
  if (parsed.has('ca.pem')) return 'ca.pem';
  const roots = [...parsed].filter(([, c]) => c.isCa && describeName(c.issuer) === describeName(c.subject));
  return roots.length === 1 ? (roots[0] as [string, ParsedCertificate])[0] : null;
}

function isCertificateFile(name: string): boolean {
  return name.endsWith('.pem') && !/-(key|bundle|root)\.pem$/.test(name);
}

/**
 * Check a certificate directory (file name -> bytes) as Go's crypto/tls and crypto/x509 will when
 * etcd, kube-apiserver or kubectl load it. The CA is `ca.pem` (else the one self-signed CA
 * certificate present); every other `*.pem` except `*-key.pem`, `*-bundle.pem` and `*-root.pem`
 * is a certificate to check:
 *
 * - it chains to the CA (issuer name bytes and signature), and the CA is a valid CA;
 * - `<base>-key.pem` exists and is its key;
 * - it is valid for every host of `<base>-csr.json` (Go's VerifyHostname and its error text);
 * - its extended key usages allow its role, the role `parseLayoutSpec` gives by default: the
 *   tutorials' role for its name (`server.pem` is `peer`, `admin.pem` `client`), `peer`/`server`/`client`
 *   for a name ending so; else `peer` (serverAuth and clientAuth needed) when its usages allow both and it
 *   has hosts, `client` when they allow both and it has none, `server` for serverAuth alone, else `client`;
 * - a `server` or `peer` certificate has SANs (Go matches host names against SANs only);
 * - it is within its validity period; days to expiry are reported.
 *
 * Temporary and backup files of the layout writer (`.<file>.<12 hex>.tmp`, `.bak`) are reported
 * as problems of the directory: a killed write leaves them, and they may hold a private key.
 *
 * @example
 * const result = await checkLayout(filesOf('etcd-cert'));
 * if (result.problemCount > 0) process.exitCode = 1;
 */
export async function checkLayout(files: ReadonlyMap<string, Uint8Array>, options: CheckLayoutOptions = {}): Promise<LayoutCheck> {
  const now = options.now ?? Date.now();
  const crypto = options.crypto ?? globalThis.crypto;
  const warnDays = options.warnDays ?? 30;
  const checks = new Map<string, CertificateCheck>();
  const parsed = new Map<string, ParsedCertificate>();
  for (const name of [...files.keys()].filter(isCertificateFile).sort()) {
    const check: CertificateCheck = { file: name, role: 'client', subject: '', problems: [], notes: [], daysLeft: null };
    checks.set(name, check);
    const result = parseCertificateFile(files.get(name) as Uint8Array);
    if (result.ok) {
      parsed.set(name, result.value);
      check.subject = describeName(result.value.subject);
    } else check.problems.push(result.reason);
  }

  const problems: string[] = [...(options.unreadable?.values() ?? []), ...leftoverWriteFiles(files.keys())];
  const caFile = findCa(parsed);
  const ca = caFile === null ? null : (parsed.get(caFile) as ParsedCertificate);
  if (caFile === null || ca === null) {
    problems.push(
      checks.has('ca.pem') ? 'ca.pem cannot be parsed' : 'no CA certificate: expected ca.pem (or exactly one self-signed CA certificate)',
    );
  } else {
    const check = checks.get(caFile) as CertificateCheck;
    check.role = 'ca';
    if (!ca.isCa)
      check.problems.push('x509: certificate is not authorized to sign other certificates (basicConstraints CA:FALSE or absent)');
    else check.notes.push('CA certificate');
    check.notes.push((await isSignedBy(ca, ca, crypto)) ? 'self-signed root' : `not self-signed: issued by ${describeName(ca.issuer)}`);
    await checkKey(ca, caFile, files, false, crypto, check);
    checkValidity(ca, now, warnDays, check);
  }

  for (const [name, cert] of parsed) {
    if (name === caFile) continue;
    const check = checks.get(name) as CertificateCheck;
    if (ca !== null && caFile !== null) {
      if (await isSignedBy(cert, ca, crypto)) check.notes.push(`signed by ${caFile}`);
      else {
        const sameName = describeName(cert.issuer) === describeName(ca.subject);
        const hint = sameName
          ? `its issuer is named like ${caFile} but ${caFile}'s key did not sign it (was the CA re-generated?)`
          : `issuer "${describeName(cert.issuer)}", ${caFile} is "${describeName(ca.subject)}"`;
        // Go UnknownAuthorityError
        check.problems.push(`x509: certificate signed by unknown authority (${hint})`);
      }
    }
    await checkKey(cert, name, files, true, crypto, check);
    const intended = intendedHosts(name.replace(/\.pem$/, ''), files, check);
    checkHosts(cert, intended, check);
    const hasHosts = intended !== null ? intended.hosts.length > 0 : describeSans(cert.sans).length > 0;
    check.role = certificateRole(name.replace(/\.pem$/, ''), cert, hasHosts);
    // Go verifies a server's name against its SANs only (the Common Name is ignored since Go 1.15)
    if (check.role !== 'client' && describeSans(cert.sans).length === 0) {
      check.problems.push(
        `x509: certificate is not valid for any names: ${name} has no SANs, and ${ROLE_USE[check.role]} is verified against them; issue it with hosts`,
      );
    }
    checkUsages(ca !== null && ca !== cert ? [cert, ca] : [cert], check.role, check);
    checkValidity(cert, now, warnDays, check);
  }

  const certificates = [...checks.values()].sort((a, b) => (a.file === caFile ? -1 : b.file === caFile ? 1 : a.file.localeCompare(b.file)));
  const problemCount = problems.length + certificates.reduce((n, c) => n + c.problems.length, 0);
  return { certificates, problems, problemCount };
}
