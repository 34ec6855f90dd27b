// The part of WebCrypto core uses (W3C Web Cryptography API §10, §14), typed structurally so the public
// declarations need neither the DOM lib nor @types/node: DOM's `Crypto`, Node's `webcrypto` and
// @peculiar/webcrypto all fit.

/** Bytes WebCrypto accepts: an ArrayBuffer or a view of one (DOM's `BufferSource`). */
export type WebCryptoBytes = ArrayBuffer | ArrayBufferView<ArrayBuffer>;

/** The JSON Web Key members core reads and writes (RFC 7517 §4, RFC 7518 §6); DOM's and Node's `JsonWebKey` fit. */
export interface Jwk {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  n?: string;
  e?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
  alg?: string;
  ext?: boolean;
  key_ops?: string[];
  use?: string;
}

/** Algorithm parameters core passes to WebCrypto (a name and the members its algorithms take). */
export interface WebCryptoAlgorithm {
  name: string;
  hash?: string | { name: string };
  namedCurve?: string;
  modulusLength?: number;
  publicExponent?: Uint8Array<ArrayBuffer>;
  iv?: WebCryptoBytes;
}

/** A key held by a WebCrypto provider (DOM's `CryptoKey`). */
export interface WebCryptoKey {
  readonly algorithm: { readonly name: string };
  readonly extractable: boolean;
  readonly type: string;
  readonly usages: readonly string[];
}

/** A generated key pair (DOM's `CryptoKeyPair`). */
export interface WebCryptoKeyPair {
  privateKey: WebCryptoKey;
  publicKey: WebCryptoKey;
}

/** The `SubtleCrypto` methods core calls. */
export interface WebCryptoSubtle {
  importKey(
    format: 'jwk',
    keyData: Jwk,
    algorithm: string | WebCryptoAlgorithm,
    extractable: boolean,
    keyUsages: readonly string[],
  ): Promise<WebCryptoKey>;
  importKey(
    format: 'raw' | 'pkcs8' | 'spki',
    keyData: WebCryptoBytes,
    algorithm: string | WebCryptoAlgorithm,
    extractable: boolean,
    keyUsages: readonly string[],
  ): Promise<WebCryptoKey>;
  exportKey(format: 'jwk', key: WebCryptoKey): Promise<Jwk>;
  generateKey(
    algorithm: string | WebCryptoAlgorithm,
    extractable: boolean,
    keyUsages: readonly string[],
  ): Promise<WebCryptoKeyPair | WebCryptoKey>;
  sign(algorithm: string | WebCryptoAlgorithm, key: WebCryptoKey, data: WebCryptoBytes): Promise<ArrayBuffer>;
  verify(algorithm: string | WebCryptoAlgorithm, key: WebCryptoKey, signature: WebCryptoBytes, data: WebCryptoBytes): Promise<boolean>;
  digest(algorithm: string | WebCryptoAlgorithm, data: WebCryptoBytes): Promise<ArrayBuffer>;
  decrypt(algorithm: string | WebCryptoAlgorithm, key: WebCryptoKey, data: WebCryptoBytes): Promise<ArrayBuffer>;
}

/**
 * A WebCrypto provider: `globalThis.crypto` in browsers, Deno, Bun and Node 20+, Node's `webcrypto`, or
 * `new Crypto()` of @peculiar/webcrypto. Only what core calls is required.
 *
 * @example
 * import { webcrypto } from 'node:crypto';
 * const provider: WebCrypto = webcrypto;
 * const backend = webCryptoBackend(provider);
 */
export interface WebCrypto {
  readonly subtle: WebCryptoSubtle;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}
