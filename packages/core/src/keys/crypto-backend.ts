// The crypto a signature needs, behind one interface: WebCrypto by default, faster platform code where measured.
import type { KeyPair } from './key-pair.js';
import { createSigner, type Signer } from './signer.js';
import { verifySignature } from './verify-signature.js';

/**
 * The three operations of an issuance: sign with the CA key, verify a CSR's signature, SHA-1 for the SKI.
 * {@link webCryptoBackend} works on every runtime; a Node program may pass a node:crypto one.
 */
export interface CryptoBackend {
  /** A signer for `key` using cfssl's algorithm choice (reference §5.10). */
  signer(key: KeyPair): Signer;
  /** Check `signature` over `data` by the key in `spki` with the given signature algorithm; false on any failure. */
  verify(spki: Uint8Array, signatureAlgorithmOid: string, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** SHA-1 digest (RFC 5280 §4.2.1.2 method 1 key identifiers). */
  sha1(data: Uint8Array): Promise<Uint8Array>;
}

/** The portable backend over a WebCrypto provider. */
export function webCryptoBackend(crypto: Crypto = globalThis.crypto): CryptoBackend {
  const signers = new WeakMap<KeyPair, Signer>();
  return {
    signer(key) {
      let s = signers.get(key);
      if (!s) {
        s = createSigner(key, crypto);
        signers.set(key, s);
      }
      return s;
    },
    verify: (spki, oid, data, signature) => verifySignature(spki, oid, data, signature, crypto),
    async sha1(data) {
      return new Uint8Array(await crypto.subtle.digest('SHA-1', data as Uint8Array<ArrayBuffer>));
    },
  };
}
