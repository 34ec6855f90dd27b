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
