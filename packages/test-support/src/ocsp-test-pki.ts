// A CA, an OCSP responder and leaves made with the built cfssl-ts, for the certificate-database suites.
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cfsslTs } from './run-async.js';

/** One certificate written to `<name>.pem`, with its decimal serial read by node:crypto. */
export interface IssuedLeaf {
  file: string;
  serial: string;
}

async function gencert(dir: string, args: readonly string[]): Promise<{ cert: string; key: string }> {
  const r = await cfsslTs(['gencert', ...args], dir);
  if (r.status !== 0) throw new Error(`cfssl-ts gencert ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { cert: string; key: string };
}

/**
 * Write ca.pem / ca-key.pem (ECDSA root), responder.pem / responder-key.pem (signed by the CA), leaf.json and
 * short.json (a config whose default profile lasts one hour, for certificates already expired).
 */
export async function makeOcspTestPki(dir: string): Promise<void> {
  writeFileSync(join(dir, 'ca-csr.json'), '{"CN":"certdb OCSP test CA","key":{"algo":"ecdsa","size":256}}');
  writeFileSync(join(dir, 'responder.json'), '{"CN":"certdb OCSP responder","key":{"algo":"ecdsa","size":256}}');
  writeFileSync(join(dir, 'leaf.json'), '{"CN":"a.example","hosts":["a.example"],"key":{"algo":"ecdsa","size":256}}');
  writeFileSync(join(dir, 'short.json'), '{"signing":{"default":{"expiry":"1h","usages":["digital signature","server auth"]}}}');
  const ca = await gencert(dir, ['-initca', 'ca-csr.json']);
  writeFileSync(join(dir, 'ca.pem'), ca.cert);
  writeFileSync(join(dir, 'ca-key.pem'), ca.key);
  const responder = await gencert(dir, ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', 'responder.json']);
  writeFileSync(join(dir, 'responder.pem'), responder.cert);
  writeFileSync(join(dir, 'responder-key.pem'), responder.key);
}

/** `cfssl-ts gencert -ca ca.pem -ca-key ca-key.pem ...extra leaf.json`, written to `<name>.pem`. */
export async function issueTestLeaf(dir: string, name: string, extra: readonly string[] = []): Promise<IssuedLeaf> {
  const leaf = await gencert(dir, ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', ...extra, 'leaf.json']);
  const file = `${name}.pem`;
  writeFileSync(join(dir, file), leaf.cert);
  return { file, serial: BigInt(`0x${new X509Certificate(leaf.cert).serialNumber}`).toString() };
}

/** The decimal serial of a PEM certificate file, read by node:crypto. */
export function serialOfPemFile(path: string): string {
  return BigInt(`0x${new X509Certificate(readFileSync(path)).serialNumber}`).toString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as openssl's `crl -text` and `ocsp -resp_text` print it (`Dec  6 22:31:44 2026 GMT`), whole seconds. */
export function opensslTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}
