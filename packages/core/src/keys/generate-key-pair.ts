// New keys as cfssl csr.KeyRequest.Generate makes them, through WebCrypto.
import type { WebCrypto, WebCryptoAlgorithm, WebCryptoKey, WebCryptoKeyPair } from './webcrypto-types.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { rememberPrivateCryptoKey } from './_internal/crypto-key-cache.js';
import { cryptoOf, type CryptoOptions } from './crypto-options.js';
import { keyPairFromPrivateJwk, type KeyPair, type NamedCurve } from './key-pair.js';
import { signatureAlgorithmForKey } from './signature-algorithm.js';

/** A key request (`key` of a CSR request): `algo` is case-sensitive, `size` is bits or the curve size. */
export interface KeySpec {
  algo: string;
  size: number;
}

const CURVES: Readonly<Record<number, NamedCurve>> = { 256: 'P-256', 384: 'P-384', 521: 'P-521' };

function generationError(message: string, cause?: unknown): CfsslError {
  return new CfsslError('ERR_KEY_GENERATION', 2400, message, cause === undefined ? {} : { cause });
}

async function generate(crypto: WebCrypto, params: WebCryptoAlgorithm): Promise<{ key: KeyPair; privateKey: WebCryptoKey }> {
  let pair: WebCryptoKeyPair;
  try {
    pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as WebCryptoKeyPair;
  } catch (err) {
    throw generationError(err instanceof Error ? err.message : String(err), err);
  }
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { key: keyPairFromPrivateJwk(jwk), privateKey: pair.privateKey };
}

/**
 * Generate a key pair with cfssl's validation (cfssl csr.KeyRequest.Generate): `rsa` 2048–8192 bits with
 * exponent 65537, `ecdsa` 256/384/521, `ed25519` (size ignored). Errors are cfssl's 2400 messages:
 * `RSA key is too weak`, `RSA key size too large`, `invalid curve`, `invalid algorithm`.
 *
 * @example
 * const key = await generateKeyPair({ algo: 'ecdsa', size: 256 });
 * exportPrivateKeyPem(key); // '-----BEGIN EC PRIVATE KEY-----\n...'
 */
export async function generateKeyPair(spec: KeySpec, options?: WebCrypto | CryptoOptions): Promise<KeyPair> {
  const crypto = cryptoOf(options);
  switch (spec.algo) {
    case 'rsa': {
      if (spec.size < 2048) throw generationError('RSA key is too weak');
      if (spec.size > 8192) throw generationError('RSA key size too large');
      // The hash WebCrypto binds to the key is the one cfssl will sign with.
      const hash = signatureAlgorithmForKey({ algorithm: 'rsa', bits: spec.size }).hash!;
      const params: WebCryptoAlgorithm = {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: spec.size,
        publicExponent: Uint8Array.of(0x01, 0x00, 0x01),
        hash,
      };
      const { key, privateKey } = await generate(crypto, params);
      if (key.bits === spec.size) rememberPrivateCryptoKey(crypto, key, hash, privateKey);
      return key;
    }
    case 'ecdsa': {
      const namedCurve = CURVES[spec.size];
      if (!namedCurve) throw generationError('invalid curve');
      const { key, privateKey } = await generate(crypto, { name: 'ECDSA', namedCurve } satisfies WebCryptoAlgorithm);
      rememberPrivateCryptoKey(crypto, key, undefined, privateKey);
      return key;
    }
    case 'ed25519': {
      const { key, privateKey } = await generate(crypto, { name: 'Ed25519' });
      rememberPrivateCryptoKey(crypto, key, undefined, privateKey);
      return key;
    }
    default:
      throw generationError('invalid algorithm');
  }
}
