// Go x509 signingParamsForPublicKey(pub, 0), which Certificate.CreateCRL uses: RSA always
// sha256WithRSAEncryption (whatever the key size), ECDSA by curve, Ed25519.
import { DER_NULL, derOid, derSequence } from '../../der/der-writer.js';
import { webCryptoBackend, type CryptoBackend } from '../../keys/crypto-backend.js';
import type { KeyPair } from '../../keys/key-pair.js';
import type { Signer } from '../../keys/signer.js';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/** The signer CreateCRL uses for `key`. */
export function crlSigner(key: KeyPair, crypto: Crypto, backend: CryptoBackend = webCryptoBackend(crypto)): Signer {
  if (key.algorithm !== 'rsa') return backend.signer(key);
  const params: RsaHashedImportParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  let cryptoKey: Promise<CryptoKey> | undefined;
  return {
    algorithmIdentifier: derSequence([derOid(SHA256_WITH_RSA), DER_NULL]),
    signatureAlgorithmOid: SHA256_WITH_RSA,
    signatureAlgorithmName: 'SHA256WithRSA',
    async sign(data: Uint8Array): Promise<Uint8Array> {
      cryptoKey ??= crypto.subtle.importKey('jwk', key.privateJwk, params, false, ['sign']);
      return new Uint8Array(await crypto.subtle.sign(params, await cryptoKey, data as Uint8Array<ArrayBuffer>));
    },
  };
}
