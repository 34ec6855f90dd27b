import { describe, it, expect } from 'vitest';
import { NAMED_CURVES, curveByName, curveByOid, isOnCurve } from './named-curves.js';

// Base points from SEC 2 v2 §2.4.2, §2.5.1, §2.6.1 (FIPS 186-4 D.1.2.3-5).
const GENERATORS: Record<string, [bigint, bigint]> = {
  'P-256': [
    0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  ],
  'P-384': [
    0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  ],
  'P-521': [
    0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  ],
};

describe('named curves', () => {
  it('holds the three WebCrypto curves with their RFC 5480 OIDs and sizes', () => {
    expect(NAMED_CURVES.map((c) => [c.name, c.oid, c.bits, c.byteLength])).toEqual([
      ['P-256', '1.2.840.10045.3.1.7', 256, 32],
      ['P-384', '1.3.132.0.34', 384, 48],
      ['P-521', '1.3.132.0.35', 521, 66],
    ]);
    expect(curveByOid('1.3.132.0.10')).toBeUndefined(); // secp256k1
    expect(curveByOid('1.3.132.0.33')).toBeUndefined(); // P-224: Go knows it, WebCrypto does not
    expect(curveByName('P-384')?.oid).toBe('1.3.132.0.34');
  });

  it('accepts each base point and rejects points off the curve or outside the field', () => {
    for (const curve of NAMED_CURVES) {
      const [x, y] = GENERATORS[curve.name]!;
      expect(isOnCurve(curve, x, y)).toBe(true);
      expect(isOnCurve(curve, x, y + 1n)).toBe(false);
      expect(isOnCurve(curve, x, curve.p - y)).toBe(true); // -G
      expect(isOnCurve(curve, x + curve.p, y)).toBe(false);
      expect(isOnCurve(curve, 0n, 0n)).toBe(false);
    }
  });
});
