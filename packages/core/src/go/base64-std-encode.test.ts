import { describe, expect, it } from 'vitest';
import { decodeGoBase64Std } from './base64-std-decode.js';
import { encodeGoBase64Std } from './base64-std-encode.js';

describe('encodeGoBase64Std', () => {
  // RFC 4648 §10 test vectors.
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('%j -> %j', (input, expected) => {
    expect(encodeGoBase64Std(new TextEncoder().encode(input))).toBe(expected);
  });

  it('agrees with node:buffer and round-trips through the Go decoder for every byte value', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 0xff);
    const encoded = encodeGoBase64Std(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(decodeGoBase64Std(encoded)).toEqual(bytes);
  });
});
