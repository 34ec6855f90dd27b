// Signing with a KeyPair the way cfssl's signers do (Go crypto.Signer with helpers.SignerAlgo's choice).
import type { WebCrypto, WebCryptoAlgorithm } from './webcrypto-types.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { bufferSource } from './_internal/buffer-source.js';
import { privateCryptoKey } from './_internal/crypto-key-cache.js';
import { ecdsaDerFromRaw } from './_internal/ecdsa-signature-format.js';
import type { KeyPair } from './key-pair.js';
import { signatureAlgorithmForKey, type SignatureAlgorithm } from './signature-algorithm.js';
import { cryptoOf, type CryptoOptions } from './crypto-options.js';

/** Something that signs CSRs and certificates; the WebCrypto one comes from {@link createSigner}. */
export interface Signer {
  /** DER AlgorithmIdentifier written into the CSR or certificate. */
  readonly algorithmIdentifier: Uint8Array;
  /** Dotted OID of the signature algorithm. */
  readonly signatureAlgorithmOid: string;
  /** cfssl's (Go's) name: `SHA256WithRSA`, `ECDSAWithSHA256`, `Ed25519`, ... */
  readonly signatureAlgorithmName: string;
  /**
   * Sign `data` (the DER TBS structure); returns the bytes that go into the signature BIT STRING:
   * PKCS#1 v1.5 for RSA, DER `SEQUENCE { r, s }` for ECDSA, the raw 64 bytes for Ed25519.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Options of {@link createSigner}: the WebCrypto to sign with and an algorithm other than cfssl's choice. */
export interface CreateSignerOptions extends CryptoOptions {
  algorithm?: SignatureAlgorithm;
}

/**
 * A signer for `key` using the algorithm cfssl picks for it (helpers.SignerAlgo): RSA ≥4096 bits
 * sha512WithRSAEncryption, ≥3072 sha384, ≥2048 sha256, smaller sha1; ECDSA P-256/384/521 with
 * SHA-256/384/512; Ed25519. The same rule serves CSRs and certificates (reference §5.2, §5.10);
 * `algorithm` overrides it (it must suit the key).
 *
 * @example
 * const signer = createSigner(caKey);
 * const signature = await signer.sign(tbsCertificate);
 * const sha384 = createSigner(rsaKey, { algorithm: signatureAlgorithmByOid('1.2.840.113549.1.1.12') }); // SHA384WithRSA
 */
export function createSigner(key: KeyPair, options?: WebCrypto | CreateSignerOptions, legacyAlgorithm?: SignatureAlgorithm): Signer {
  const crypto = cryptoOf(options);
  const chosen = options !== undefined && !('subtle' in options) ? options.algorithm : undefined;
  const algorithm = chosen ?? legacyAlgorithm ?? signatureAlgorithmForKey(key);
  // RSA's hash is bound to the imported key; ECDSA names it per signature; Ed25519 has none.
  const params: WebCryptoAlgorithm =
    key.algorithm === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5' }
      : key.algorithm === 'ecdsa'
        ? { name: 'ECDSA', hash: algorithm.hash! }
        : { name: 'Ed25519' };
  return {
    algorithmIdentifier: algorithm.algorithmIdentifier,
    signatureAlgorithmOid: algorithm.oid,
    signatureAlgorithmName: algorithm.name,
    async sign(data: Uint8Array): Promise<Uint8Array> {
      let signature: Uint8Array;
      try {
        const cryptoKey = await privateCryptoKey(crypto, key, algorithm.hash);
        signature = new Uint8Array(await crypto.subtle.sign(params, cryptoKey, bufferSource(data)));
      } catch (err) {
        // cfssl reports a key it cannot use as 2500 (PrivateKeyError, Unavailable).
        throw new CfsslError('ERR_PRIVATE_KEY', 2500, err instanceof Error ? err.message : undefined, { cause: err });
      }
      return key.algorithm === 'ecdsa' ? ecdsaDerFromRaw(signature) : signature;
    },
  };
}
