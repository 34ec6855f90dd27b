// Go x509 signingParamsForPublicKey(pub, 0), which Certificate.CreateCRL uses: RSA always
// sha256WithRSAEncryption (whatever the key size), ECDSA by curve, Ed25519.
import type { CryptoBackend } from '../../keys/crypto-backend.js';
import type { KeyPair } from '../../keys/key-pair.js';
import { signatureAlgorithmByOid } from '../../keys/signature-algorithm.js';
import type { Signer } from '../../keys/signer.js';

const SHA256_WITH_RSA = signatureAlgorithmByOid('1.2.840.113549.1.1.11')!;

/** The signer CreateCRL uses for `key`. */
export function crlSigner(key: KeyPair, backend: CryptoBackend): Signer {
  return key.algorithm === 'rsa' ? backend.signer(key, SHA256_WITH_RSA) : backend.signer(key);
}
