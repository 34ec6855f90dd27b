import { describe, it, expect } from 'vitest';
import { base64UrlFromBigint, bigintFromBase64Url, bitLength, bytesFromBase64Url, bytesFromBigint } from './big-integer-bytes.js';

describe('big integer bytes', () => {
  it('encodes Base64urlUInt like RFC 7518 §6.3.1.2 (e = 65537 is "AQAB")', () => {
    expect(base64UrlFromBigint(65537n)).toBe('AQAB');
    expect(bigintFromBase64Url('AQAB')).toBe(65537n);
    // RFC 7518 §2: zero is a single zero octet, "AA".
    expect(base64UrlFromBigint(0n)).toBe('AA');
  });

  it('pads to a fixed width and refuses values that do not fit', () => {
    expect(bytesFromBigint(1n, 4)).toEqual(Uint8Array.of(0, 0, 0, 1));
    expect(bytesFromBigint(0x1234n)).toEqual(Uint8Array.of(0x12, 0x34));
    expect(() => bytesFromBigint(0x10000n, 2)).toThrow(RangeError);
  });

  it('rejects padded or non-url base64', () => {
    expect(() => bytesFromBase64Url('AQAB=')).toThrow(RangeError);
    expect(() => bytesFromBase64Url('a+b/')).toThrow(RangeError);
    expect(() => bytesFromBase64Url('A')).toThrow(RangeError);
    expect(bytesFromBase64Url('_-8')).toEqual(Uint8Array.of(0xff, 0xef));
  });

  it('measures bit length like Go big.Int.BitLen', () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(256n)).toBe(9);
  });
});
