// The crypto an issuance needs, behind one interface: WebCrypto by default, faster platform code where measured.
import type { WebCrypto } from './webcrypto-types.js';
import { cryptoRandom, type RandomSource } from './crypto-random.js';
import { generateKeyPair, type KeySpec } from './generate-key-pair.js';
import type { KeyPair } from './key-pair.js';
import type { SignatureAlgorithm } from './signature-algorithm.js';
import { createSigner, type Signer } from './signer.js';
import { verifySignature } from './verify-signature.js';

/**
 * Every crypto operation of an issuance: sign with the CA key, verify a CSR's signature, SHA-1 for
 * the SKI, generate keys, draw random bytes. {@link webCryptoBackend} works on every runtime; a Node
 * program may pass `nodeCryptoBackend()` from `@cfssl-ts/core/node`.
 */
export interface CryptoBackend {
  /**
   * A signer for `key`: cfssl's algorithm choice for it (reference §5.10), or `algorithm` when given
   * (Go's CreateCRL signs RSA with SHA-256 whatever the key size).
   */
  signer(key: KeyPair, algorithm?: SignatureAlgorithm): Signer;
  /** Check `signature` over `data` by the key in `spki` with the given signature algorithm; false on any failure. */
  verify(spki: Uint8Array, signatureAlgorithmOid: string, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** SHA-1 digest (RFC 5280 §4.2.1.2 method 1 key identifiers). */
  sha1(data: Uint8Array): Promise<Uint8Array>;
  /** A new key as cfssl's generator makes it (2400 on a key spec cfssl refuses). */
  generateKeyPair(spec: KeySpec): Promise<KeyPair>;
  /** The backend's CSPRNG (an issuance's default random source). */
  readonly randomBytes: RandomSource;
}

/**
 * The portable backend over a WebCrypto provider (default: the platform's).
 *
 * @example
 * const backend = webCryptoBackend(new PeculiarCrypto());
 * const cert = await signCertificateRequest(request, policy, authority, { backend });
 */
export function webCryptoBackend(crypto: WebCrypto = globalThis.crypto): CryptoBackend {
  const signers = new WeakMap<KeyPair, Signer>();
  return {
    signer(key, algorithm) {
      if (algorithm) return createSigner(key, crypto, algorithm);
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
    generateKeyPair: (spec) => generateKeyPair(spec, crypto),
    randomBytes: cryptoRandom(crypto),
  };
}
