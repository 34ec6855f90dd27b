// Signature verification for CSRs and certificates (Go x509 checkSignature for the algorithms cfssl uses).
import type { WebCrypto, WebCryptoAlgorithm } from './webcrypto-types.js';
import { bufferSource } from './_internal/buffer-source.js';
import { ecdsaRawFromDer } from './_internal/ecdsa-signature-format.js';
import { curveByName } from './_internal/named-curves.js';
import { parseSpki, type PublicKeyInfo } from './public-key.js';
import { signatureAlgorithmByOid } from './signature-algorithm.js';

function importParams(info: PublicKeyInfo, hash: string | undefined): WebCryptoAlgorithm {
  switch (info.algorithm) {
    case 'rsa':
      return { name: 'RSASSA-PKCS1-v1_5', hash: hash! };
    case 'ecdsa':
      return { name: 'ECDSA', namedCurve: info.curve! };
    case 'ed25519':
      return { name: 'Ed25519' };
  }
}

/**
 * Verify `signature` over `data` with the key in `spki` (DER SubjectPublicKeyInfo) for the signature
 * algorithm `signatureAlgorithmOid`: sha1/sha256/sha384/sha512WithRSAEncryption (PKCS#1 v1.5),
 * ecdsa-with-SHA1/256/384/512 (DER signature), Ed25519. Returns false for a wrong, malformed or
 * unsupported signature, algorithm or key, or a key of the wrong kind for the algorithm; never throws.
 *
 * @example
 * await verifySignature(csr.subjectPublicKeyInfo, csr.signatureAlgorithmOid, csr.info, csr.signature) // true
 */
export async function verifySignature(
  spki: Uint8Array,
  signatureAlgorithmOid: string,
  data: Uint8Array,
  signature: Uint8Array,
  crypto: WebCrypto = globalThis.crypto,
): Promise<boolean> {
  try {
    const algorithm = signatureAlgorithmByOid(signatureAlgorithmOid);
    if (!algorithm) return false;
    const info = parseSpki(spki);
    if (info.algorithm !== algorithm.keyAlgorithm) return false;
    let sig = signature;
    if (info.algorithm === 'ecdsa') {
      const raw = ecdsaRawFromDer(signature, curveByName(info.curve)!.byteLength);
      if (!raw) return false;
      sig = raw;
    }
    const params = importParams(info, algorithm.hash);
    const key = await crypto.subtle.importKey('spki', bufferSource(info.spki), params, false, ['verify']);
    const verifyParams: WebCryptoAlgorithm = info.algorithm === 'ecdsa' ? { name: 'ECDSA', hash: algorithm.hash! } : params;
    return await crypto.subtle.verify(verifyParams, key, bufferSource(sig), bufferSource(data));
  } catch {
    return false;
  }
}
