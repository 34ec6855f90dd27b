// The common job "make a CA" on top of parseCsrRequest + initCa (cfssl gencert -initca ca-csr.json).
import type { CsrNameJson } from '../csr-request/csr-request-json.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { initCa, type InitCaOptions, type InitCaResult } from '../issue/init-ca.js';

/** What {@link makeCa} needs: a common name, and optionally the key, the subject names and the lifetime. */
export interface MakeCaOptions extends InitCaOptions {
  cn: string;
  /** Default ECDSA P-256 (cfssl's default); RSA as `{ algo: 'rsa', size: 2048 }`. A `KeyPair` reuses that key. */
  keySpec?: { algo: 'rsa' | 'ecdsa' | 'ed25519'; size: number };
  names?: CsrNameJson[];
  /** CA lifetime as a Go duration (cfssl's default 43800h, five years). */
  expiry?: string;
}

/**
 * Make a self-signed CA exactly as `cfssl gencert -initca` does with the equivalent CSR JSON. The result
 * signs directly: pass it as the authority of {@link issueCertificate} or {@link signCertificateRequest}.
 *
 * @example
 * const ca = await makeCa({ cn: 'etcd CA', keySpec: { algo: 'rsa', size: 2048 } });
 * ca.certificate.pem; // '-----BEGIN CERTIFICATE-----\n...'
 * ca.keyPem; // '-----BEGIN RSA PRIVATE KEY-----\n...'
 */
export async function makeCa(options: MakeCaOptions): Promise<InitCaResult> {
  const { cn, keySpec, names, expiry, ...rest } = options;
  const request = parseCsrRequest({
    CN: cn,
    ...(keySpec ? { key: keySpec } : {}),
    ...(names ? { names } : {}),
    ...(expiry !== undefined ? { ca: { expiry } } : {}),
  });
  return initCa(request, rest);
}
