// Real cfssl 1.2 (Debian golang-cfssl), cfssljson and openssl as judges for the interop suites.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin, type BinResult } from '@cfssl-ts/test-support/run-bin';

/** True when every judge is installed; throws under CI when one is missing (never a silent skip there). */
export function judgesInstalled(): boolean {
  return ['cfssl', 'cfssljson', 'openssl'].map((t) => requireTool(t)).every(Boolean);
}

/** Run an installed judge (cfssl, cfssljson, openssl) in `cwd`. */
export function judge(name: 'cfssl' | 'cfssljson' | 'openssl', args: readonly string[], cwd: string, input?: string): BinResult {
  const r = spawnSync(name, args, { cwd, input, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function ours(name: 'cfssl-ts' | 'cfssljson-ts', args: readonly string[], cwd: string, input?: string): BinResult {
  return runBin(name, args, cwd, input);
}

/** Parse a successful `{"cert","csr","key"}` run, or throw with its stderr. */
export function outputOf(r: BinResult, what: string): Record<string, string> {
  if (r.status !== 0 || !r.stdout.startsWith('{')) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string>;
}

export function workDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `interop-${label}-`));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  return name;
}

/** Write the fields of a cfssl-style output as `<base>.pem`, `<base>-key.pem` (0600), `<base>.csr`. */
export function saveOutput(dir: string, base: string, out: Record<string, string>): void {
  if (out.cert) writeFileSync(join(dir, `${base}.pem`), out.cert);
  if (out.key) {
    writeFileSync(join(dir, `${base}-key.pem`), out.key, { mode: 0o600 });
    chmodSync(join(dir, `${base}-key.pem`), 0o600);
  }
  if (out.csr) writeFileSync(join(dir, `${base}.csr`), out.csr);
}

export const readText = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

/** `openssl verify -x509_strict -purpose P -CAfile CA [-untrusted I] CERT`: the whole output, for an exact expectation. */
export function opensslVerify(
  dir: string,
  o: { ca: string; cert: string; purpose: 'sslserver' | 'sslclient'; untrusted?: string },
): string {
  const args = [
    'verify',
    '-x509_strict',
    '-purpose',
    o.purpose,
    '-CAfile',
    o.ca,
    ...(o.untrusted ? ['-untrusted', o.untrusted] : []),
    o.cert,
  ];
  const r = judge('openssl', args, dir);
  return `${r.stdout}${r.stderr}`.trim();
}

/** Certificate fields as openssl prints them (an independent reading). */
export function opensslFields(dir: string, cert: string): { serial: string; notBefore: string; notAfter: string; subject: string } {
  const r = judge(
    'openssl',
    ['x509', '-in', cert, '-noout', '-serial', '-startdate', '-enddate', '-subject', '-nameopt', 'RFC2253', '-dateopt', 'iso_8601'],
    dir,
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const get = (k: string) => new RegExp(`^${k}=(.*)$`, 'm').exec(r.stdout)?.[1] ?? '';
  const iso = (s: string) => s.replace(' ', 'T');
  return {
    serial: BigInt(`0x${get('serial')}`).toString(),
    notBefore: iso(get('notBefore')),
    notAfter: iso(get('notAfter')),
    subject: get('subject'),
  };
}

/** The SubjectPublicKeyInfo (DER, hex) of a certificate or CSR, through openssl. */
export function opensslPublicKey(dir: string, file: string, kind: 'x509' | 'req'): string {
  const pem = judge('openssl', [kind, '-in', file, '-noout', '-pubkey'], dir).stdout;
  return Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('hex');
}
