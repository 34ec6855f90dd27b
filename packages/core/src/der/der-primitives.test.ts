import { describe, expect, it } from 'vitest';
import { dottedOid, signedIntegerContent, unsignedBytes, unsignedValue } from './der-primitives.js';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('signedIntegerContent (X.690 §8.3.2 minimal two’s complement)', () => {
  it.each([
    [0n, '00'],
    [127n, '7f'],
    [128n, '0080'],
    [256n, '0100'],
    [-1n, 'ff'],
    [-128n, '80'],
    [-129n, 'ff7f'],
    [-256n, 'ff00'],
    [-32768n, '8000'],
    [-32769n, 'ff7fff'],
  ])('%s -> %s', (v, h) => {
    expect(hex(signedIntegerContent(v))).toBe(h);
  });
});

describe('dottedOid', () => {
  it('writes arcs as join would', () => {
    expect(dottedOid([1, 2, 840, 113549, 1, 9, 14])).toBe('1.2.840.113549.1.9.14');
    expect(dottedOid([2, 2147483647])).toBe('2.2147483647');
    expect(dottedOid([])).toBe('');
  });
});

describe('unsignedValue', () => {
  // Short magnitudes go eight bytes at a time and long ones through hex: every length across the switch.
  it.each(Array.from({ length: 80 }, (_, n) => n))('a %i-byte magnitude', (n) => {
    const bytes = new Uint8Array(n).map((_, i) => (i * 73 + 0xa5) & 0xff);
    expect(unsignedValue(bytes)).toBe(n === 0 ? 0n : BigInt(`0x${hex(bytes)}`));
    expect(unsignedValue(bytes.subarray(1))).toBe(n <= 1 ? 0n : BigInt(`0x${hex(bytes.subarray(1))}`));
  });
});

describe('big integers convert in linear time', () => {
  // A million-byte serial (a hostile certificate) must not take quadratic time: a shift per byte would
  // take minutes here; via hex it is a few milliseconds. The round trip is the assertion.
  it('round-trips a 1 MB magnitude both ways', () => {
    const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 31 + 7) & 0xff);
    bytes[0] = 0x5a;
    const value = unsignedValue(bytes);
    // Buffer.compare, not toEqual: a deep comparison of a million elements is what would be slow here.
    const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;
    expect(same(unsignedBytes(value), bytes)).toBe(true);
    expect(same(signedIntegerContent(value), bytes)).toBe(true);
    expect(
      same(
        signedIntegerContent(-value - 1n),
        bytes.map((b) => ~b & 0xff),
      ),
    ).toBe(true);
  });
});
