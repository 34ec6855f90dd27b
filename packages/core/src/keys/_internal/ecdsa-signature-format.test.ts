import { describe, it, expect } from 'vitest';
import { ecdsaDerFromRaw, ecdsaRawFromDer } from './ecdsa-signature-format.js';
import { bytesFromHex as hex } from '@cfssl-ts/test-support/der-builders';

describe('ECDSA signature formats', () => {
  it('writes minimal INTEGERs: leading zeros dropped, a sign byte added when the top bit is set', () => {
    const r = '00000001' + '00'.repeat(28);
    const s = '80' + '11'.repeat(31);
    const der = ecdsaDerFromRaw(hex(r + s));
    expect(der).toEqual(hex('3042' + '021d01' + '00'.repeat(28) + '022100' + s));
    expect(ecdsaRawFromDer(der, 32)).toEqual(hex(r + s));
  });

  it('rejects what Go ecdsa.VerifyASN1 rejects', () => {
    const ok = hex('3006020101020102');
    expect(ecdsaRawFromDer(ok, 32)).not.toBeNull();
    expect(ecdsaRawFromDer(hex('3006020101020102' + '00'), 32)).toBeNull(); // trailing data
    expect(ecdsaRawFromDer(hex('30090201010201020201ff'), 32)).toBeNull(); // three integers
    expect(ecdsaRawFromDer(hex('30030201ff'), 32)).toBeNull(); // one integer
    expect(ecdsaRawFromDer(hex('30060201ff020102'), 32)).toBeNull(); // negative r
    expect(ecdsaRawFromDer(hex('3006020100020102'), 32)).toBeNull(); // zero r
    expect(ecdsaRawFromDer(hex('300702020001020102'), 32)).toBeNull(); // non-minimal r
    expect(ecdsaRawFromDer(hex('3107020101020102'), 32)).toBeNull(); // SET, not SEQUENCE
    expect(ecdsaRawFromDer(hex('30240221' + '01'.repeat(33) + '020102'), 32)).toBeNull(); // r wider than the curve
    expect(ecdsaRawFromDer(new Uint8Array(0), 32)).toBeNull();
  });
});
