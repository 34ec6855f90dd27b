import { describe, expect, it } from 'vitest';
import { base64UrlFromBigint, bigintFromBase64Url } from './big-integer-bytes.js';
import { ecScalarBaseMult } from './ec-scalar-base-mult.js';
import { NAMED_CURVES, isOnCurve } from './named-curves.js';

describe('ecScalarBaseMult (Go elliptic ScalarBaseMult)', () => {
  for (const curve of NAMED_CURVES) {
    it(`gives the public point WebCrypto derives for ${curve.name} keys`, async () => {
      for (let i = 0; i < 4; i++) {
        const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve.name }, true, ['sign']);
        const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
        const { x, y } = ecScalarBaseMult(curve, bigintFromBase64Url(jwk.d!));
        expect([base64UrlFromBigint(x), base64UrlFromBigint(y)]).toEqual([
          base64UrlFromBigint(bigintFromBase64Url(jwk.x!)),
          base64UrlFromBigint(bigintFromBase64Url(jwk.y!)),
        ]);
      }
    });

    it(`maps 1 to G, n-1 to -G and refuses n on ${curve.name}`, () => {
      expect(ecScalarBaseMult(curve, 1n)).toEqual({ x: curve.gx, y: curve.gy });
      expect(isOnCurve(curve, curve.gx, curve.gy)).toBe(true);
      expect(ecScalarBaseMult(curve, curve.n - 1n)).toEqual({ x: curve.gx, y: curve.p - curve.gy });
      expect(() => ecScalarBaseMult(curve, curve.n)).toThrow(RangeError);
    });
  }
});
