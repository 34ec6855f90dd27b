// WebCrypto fixes an RSA key's hash at import, so imported private keys are cached per provider, key and hash.
import type { WebCrypto, WebCryptoAlgorithm, WebCryptoKey, WebCryptoSubtle } from '../webcrypto-types.js';
import type { KeyPair } from '../key-pair.js';
import type { HashName } from '../signature-algorithm.js';

type ImportParams = WebCryptoAlgorithm;

const caches = new WeakMap<WebCryptoSubtle, WeakMap<KeyPair, Map<string, Promise<WebCryptoKey>>>>();

/** WebCrypto import parameters for signing with `key` (and `hash`, which only RSA binds). */
export function signingParams(key: KeyPair, hash: HashName | undefined): { id: string; params: ImportParams } {
  switch (key.algorithm) {
    case 'rsa':
      if (!hash) throw new RangeError('RSA signing needs a hash');
      return { id: `RSASSA-PKCS1-v1_5/${hash}`, params: { name: 'RSASSA-PKCS1-v1_5', hash } };
    case 'ecdsa':
      return { id: 'ECDSA', params: { name: 'ECDSA', namedCurve: key.curve! } };
    case 'ed25519':
      return { id: 'Ed25519', params: { name: 'Ed25519' } };
  }
}

function cacheFor(crypto: WebCrypto, key: KeyPair): Map<string, Promise<WebCryptoKey>> {
  let perKey = caches.get(crypto.subtle);
  if (!perKey) caches.set(crypto.subtle, (perKey = new WeakMap<KeyPair, Map<string, Promise<WebCryptoKey>>>()));
  let perHash = perKey.get(key);
  if (!perHash) perKey.set(key, (perHash = new Map<string, Promise<WebCryptoKey>>()));
  return perHash;
}

/** The private WebCryptoKey for signing with `key`, imported from its JWK once per provider and hash. */
export function privateCryptoKey(crypto: WebCrypto, key: KeyPair, hash: HashName | undefined): Promise<WebCryptoKey> {
  const { id, params } = signingParams(key, hash);
  const cache = cacheFor(crypto, key);
  let pending = cache.get(id);
  if (!pending) {
    pending = crypto.subtle.importKey('jwk', key.privateJwk, params, false, ['sign']);
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

/** Seed the cache with a key WebCrypto already holds (a freshly generated or imported one). */
export function rememberPrivateCryptoKey(crypto: WebCrypto, key: KeyPair, hash: HashName | undefined, cryptoKey: WebCryptoKey): void {
  cacheFor(crypto, key).set(signingParams(key, hash).id, Promise.resolve(cryptoKey));
}
