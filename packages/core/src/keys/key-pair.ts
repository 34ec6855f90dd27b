// A private key in the three families cfssl generates and signs with (cfssl csr.KeyRequest, helpers.SignerAlgo).
import type { Jwk } from './webcrypto-types.js';
import { CfsslError } from '../errors/cfssl-error.js';
import {
  base64UrlFromBigint,
  base64UrlFromBytes,
  bigintFromBase64Url,
  bitLength,
  bytesFromBase64Url,
} from './_internal/big-integer-bytes.js';
import { curveByName } from './_internal/named-curves.js';
import { encodeEcSpki, encodeEd25519Spki, encodeRsaSpki, type EncodedSpki } from './_internal/spki-encoding.js';

/** Key families cfssl supports (`key.algo` of a CSR request). */
export type KeyAlgorithm = 'rsa' | 'ecdsa' | 'ed25519';

/** NIST curves, by their WebCrypto / JWK names. */
export type NamedCurve = 'P-256' | 'P-384' | 'P-521';

/**
 * A private key with its public half in the encodings cfssl output needs.
 * Plain data: signing goes through {@link createSigner}, which imports and caches WebCrypto keys.
 */
export interface KeyPair {
  readonly algorithm: KeyAlgorithm;
  /** RSA modulus bits (Go N.BitLen), EC field size (256/384/521), 256 for Ed25519. */
  readonly bits: number;
  readonly curve?: NamedCurve;
  /** DER SubjectPublicKeyInfo exactly as Go x509.MarshalPKIXPublicKey writes it. */
  readonly spki: Uint8Array;
  /** Contents of the subjectPublicKey BIT STRING (the SubjectKeyIdentifier is SHA-1 of these bytes). */
  readonly publicKeyBits: Uint8Array;
  /** The private key as a JWK holding only key members (no `alg`, `key_ops` or `ext`). */
  readonly privateJwk: Jwk;
}

function member(jwk: Jwk, name: keyof Jwk): string {
  const value = jwk[name];
  if (typeof value !== 'string' || value === '') throw new RangeError(`JWK member ${name} missing`);
  return value;
}

function build(algorithm: KeyAlgorithm, bits: number, encoded: EncodedSpki, privateJwk: Jwk, curve?: NamedCurve): KeyPair {
  const base = { algorithm, bits, spki: encoded.spki, publicKeyBits: encoded.publicKeyBits, privateJwk };
  return curve === undefined ? base : { ...base, curve };
}

function fromJwk(jwk: Jwk): KeyPair {
  switch (jwk.kty) {
    case 'RSA': {
      const n = bigintFromBase64Url(member(jwk, 'n'));
      const e = bigintFromBase64Url(member(jwk, 'e'));
      const names = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
      // Canonical (minimal) Base64urlUInt members, RFC 7518 §6.3.
      const privateJwk: Jwk = { kty: 'RSA' };
      for (const name of names) privateJwk[name] = base64UrlFromBigint(bigintFromBase64Url(member(jwk, name)));
      return build('rsa', bitLength(n), encodeRsaSpki(n, e), privateJwk);
    }
    case 'EC': {
      const curve = curveByName(jwk.crv);
      if (!curve) throw new RangeError(`unsupported curve ${String(jwk.crv)}`);
      const coordinate = (name: 'x' | 'y' | 'd'): string => {
        const bytes = bytesFromBase64Url(member(jwk, name));
        if (bytes.length !== curve.byteLength) throw new RangeError(`JWK member ${name} has the wrong length`);
        return base64UrlFromBytes(bytes);
      };
      const x = coordinate('x');
      const y = coordinate('y');
      const privateJwk: Jwk = { kty: 'EC', crv: curve.name, x, y, d: coordinate('d') };
      const spki = encodeEcSpki(curve, bigintFromBase64Url(x), bigintFromBase64Url(y));
      return build('ecdsa', curve.bits, spki, privateJwk, curve.name);
    }
    case 'OKP': {
      if (jwk.crv !== 'Ed25519') throw new RangeError(`unsupported curve ${String(jwk.crv)}`);
      const x = bytesFromBase64Url(member(jwk, 'x'));
      const d = bytesFromBase64Url(member(jwk, 'd'));
      if (x.length !== 32 || d.length !== 32) throw new RangeError('Ed25519 JWK members must be 32 bytes');
      const privateJwk: Jwk = { kty: 'OKP', crv: 'Ed25519', x: base64UrlFromBytes(x), d: base64UrlFromBytes(d) };
      return build('ed25519', 256, encodeEd25519Spki(x), privateJwk);
    }
    default:
      throw new RangeError(`unsupported key type ${String(jwk.kty)}`);
  }
}

/**
 * Build a {@link KeyPair} from a private JWK (RSA with all CRT members, EC P-256/384/521, or OKP Ed25519).
 * The JWK is trusted to be consistent (the public members belong to the private ones).
 *
 * @example
 * const jwk = await crypto.subtle.exportKey('jwk', cryptoKeyPair.privateKey);
 * const key = keyPairFromPrivateJwk(jwk);
 */
export function keyPairFromPrivateJwk(jwk: Jwk): KeyPair {
  try {
    return fromJwk(jwk);
  } catch (err) {
    throw new CfsslError('ERR_PRIVATE_KEY', 2003, undefined, { cause: err });
  }
}
