// The NIST curves Go's crypto/elliptic and WebCrypto share (SEC 2 v2 §2.4-2.6, FIPS 186-4 D.1.2).
import type { NamedCurve } from '../key-pair.js';

/** Domain parameters needed to validate points and private scalars of a prime curve y² = x³ - 3x + b. */
export interface CurveParameters {
  readonly name: NamedCurve;
  readonly oid: string;
  /** Field size in bits (Go Curve.Params().BitSize). */
  readonly bits: number;
  /** Bytes of one coordinate and of a padded private scalar. */
  readonly byteLength: number;
  readonly p: bigint;
  readonly b: bigint;
  /** Order of the base point. */
  readonly n: bigint;
  /** Affine coordinates of the base point G. */
  readonly gx: bigint;
  readonly gy: bigint;
  /** Hash Go's SignerAlgo pairs with the curve. */
  readonly hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
}

export const NAMED_CURVES: readonly CurveParameters[] = [
  {
    name: 'P-256',
    oid: '1.2.840.10045.3.1.7',
    bits: 256,
    byteLength: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    hash: 'SHA-256',
  },
  {
    name: 'P-384',
    oid: '1.3.132.0.34',
    bits: 384,
    byteLength: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    hash: 'SHA-384',
  },
  {
    name: 'P-521',
    oid: '1.3.132.0.35',
    bits: 521,
    byteLength: 66,
    p: (1n << 521n) - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
    hash: 'SHA-512',
  },
];

export function curveByName(name: string | undefined): CurveParameters | undefined {
  return NAMED_CURVES.find((c) => c.name === name);
}

/** Go namedCurveFromOID restricted to the curves WebCrypto implements. */
export function curveByOid(oid: string): CurveParameters | undefined {
  return NAMED_CURVES.find((c) => c.oid === oid);
}

/** Go elliptic.Curve.IsOnCurve for affine coordinates (both must be reduced mod p). */
export function isOnCurve(curve: CurveParameters, x: bigint, y: bigint): boolean {
  const { p, b } = curve;
  if (x < 0n || x >= p || y < 0n || y >= p) return false;
  const rhs = (((x * x * x - 3n * x + b) % p) + p) % p;
  return (y * y) % p === rhs;
}
