// A CryptoBackend over node:crypto KeyObjects: synchronous OpenSSL calls instead of WebCrypto's thread-pool jobs.
/// <reference types="node" />
import type { WebCrypto } from '../keys/webcrypto-types.js';
import { createHash, createPrivateKey, createPublicKey, sign, verify, webcrypto, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CfsslError } from '../errors/cfssl-error.js';
import type { CryptoBackend } from '../keys/crypto-backend.js';
import { cryptoRandom } from '../keys/crypto-random.js';
import { ecdsaSignatureToRaw } from '../keys/ecdsa-signature.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import type { KeyPair } from '../keys/key-pair.js';
import { parseSpki, type PublicKeyInfo } from '../keys/public-key.js';
import { signatureAlgorithmByOid, signatureAlgorithmForKey, type SignatureAlgorithm } from '../keys/signature-algorithm.js';
import type { Signer } from '../keys/signer.js';

const NODE_HASH = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');

// OpenSSL 3's DER decoders are slow; importing EC and Ed25519 keys from JWK measures about twice as fast.
function publicKeyObject(info: PublicKeyInfo): KeyObject {
  const bits = info.publicKeyBits;
  if (info.algorithm === 'ecdsa') {
    const size = (bits.length - 1) / 2;
    const jwk = { kty: 'EC', crv: info.curve!, x: b64url(bits.subarray(1, 1 + size)), y: b64url(bits.subarray(1 + size)) };
    return createPublicKey({ key: jwk, format: 'jwk' });
  }
  if (info.algorithm === 'ed25519') return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(bits) }, format: 'jwk' });
  return createPublicKey({ key: Buffer.from(info.spki), format: 'der', type: 'spki' });
}

function nodeSigner(key: KeyPair, algorithm: SignatureAlgorithm): Signer {
  let keyObject: KeyObject | undefined;
  const hash = algorithm.hash ? NODE_HASH[algorithm.hash] : null;
  return {
    algorithmIdentifier: algorithm.algorithmIdentifier,
    signatureAlgorithmOid: algorithm.oid,
    signatureAlgorithmName: algorithm.name,
    sign(data) {
      try {
        keyObject ??= createPrivateKey({ key: key.privateJwk as JsonWebKey, format: 'jwk' });
        // PKCS#1 v1.5 for RSA, DER SEQUENCE{r,s} for ECDSA (OpenSSL's default), pure Ed25519.
        return Promise.resolve(new Uint8Array(sign(hash, data, keyObject)));
      } catch (err) {
        return Promise.reject(new CfsslError('ERR_PRIVATE_KEY', 2500, err instanceof Error ? err.message : undefined, { cause: err }));
      }
    },
  };
}

// The checks of core's verifySignature, through OpenSSL; false on any failure.
function verifySignature(spki: Uint8Array, oid: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const algorithm = signatureAlgorithmByOid(oid);
    if (!algorithm) return false;
    const info = parseSpki(spki);
    if (info.algorithm !== algorithm.keyAlgorithm) return false;
    const key = publicKeyObject(info);
    const hash = algorithm.hash ? NODE_HASH[algorithm.hash] : null;
    if (info.algorithm === 'ecdsa') {
      const raw = ecdsaSignatureToRaw(signature, info.curve!);
      return raw !== null && verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, raw);
    }
    return verify(hash, data, key, signature);
  } catch {
    return false;
  }
}

// Node's WebCrypto generates keys (the KeyPair form is WebCrypto's JWK) and fills the random pool.
const nodeWebCrypto: WebCrypto = webcrypto;

/**
 * The node:crypto backend: the same algorithms and checks as core's WebCrypto backend
 * (key kind must match the algorithm; ECDSA signatures must be strict DER), measured faster on Node.
 *
 * @example
 * import { nodeCryptoBackend } from '@cfssl-ts/core/node';
 * const context = resolveIssuanceContext({ backend: nodeCryptoBackend() });
 */
export function nodeCryptoBackend(): CryptoBackend {
  const signers = new WeakMap<KeyPair, Signer>();
  return {
    signer(key, algorithm) {
      if (algorithm) return nodeSigner(key, algorithm);
      let s = signers.get(key);
      if (!s) {
        s = nodeSigner(key, signatureAlgorithmForKey(key));
        signers.set(key, s);
      }
      return s;
    },
    verify: (spki, oid, data, signature) => Promise.resolve(verifySignature(spki, oid, data, signature)),
    sha1: (data) => Promise.resolve(new Uint8Array(createHash('sha1').update(data).digest())),
    generateKeyPair: (spec) => generateKeyPair(spec, nodeWebCrypto),
    randomBytes: cryptoRandom(nodeWebCrypto),
  };
}
