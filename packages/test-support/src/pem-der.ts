// PEM helpers for tests, on node:crypto, independent of the code under test.
import { X509Certificate, createPublicKey, verify } from 'node:crypto';

export function pemToDer(pem: string, label?: string): Uint8Array {
  const m = pem.match(/-----BEGIN ([^-]+)-----([\s\S]*?)-----END \1-----/);
  if (!m || (label && m[1] !== label)) throw new Error(`no ${label ?? 'PEM'} block`);
  return new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64'));
}

/** Verify a certificate's signature with the issuer's public key (node:crypto / OpenSSL). */
export function certificateVerifies(certPem: string, issuerPem: string): boolean {
  return new X509Certificate(certPem).verify(new X509Certificate(issuerPem).publicKey);
}

const HASH_BY_SIG_OID: Record<string, string | null> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null,
};

/** Verify signed data with an SPKI through node:crypto (OpenSSL), given the signature algorithm OID. */
export function signatureVerifies(spkiDer: Uint8Array, sigOid: string, data: Uint8Array, signature: Uint8Array): boolean {
  if (!(sigOid in HASH_BY_SIG_OID)) throw new Error(`unknown signature algorithm ${sigOid}`);
  const key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  return verify(HASH_BY_SIG_OID[sigOid] ?? null, data, key, signature);
}
