import { describe, expect, it } from 'vitest';
import { decodeGoBase64Std, GoBase64CorruptInputError } from './base64-std-decode.js';

describe('decodeGoBase64Std', () => {
  it('decodes padded standard base64, skipping CR/LF', () => {
    expect([...decodeGoBase64Std('')]).toEqual([]);
    expect([...decodeGoBase64Std('AQID')]).toEqual([1, 2, 3]);
    expect([...decodeGoBase64Std('AQI=')]).toEqual([1, 2]);
    expect([...decodeGoBase64Std('AQ==')]).toEqual([1]);
    expect([...decodeGoBase64Std('AQ\r\n==')]).toEqual([1]);
    expect([...decodeGoBase64Std('BQA=\n')]).toEqual([5, 0]);
    expect([...decodeGoBase64Std('Zm9vYmFy')]).toEqual([...new TextEncoder().encode('foobar')]);
  });

  // Offsets from Go's TestDecodeCorrupt table (src/encoding/base64/base64_test.go).
  it.each([
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AA==', -1],
    ['AAA=', -1],
    ['AAAA', -1],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
  ])('%j -> corrupt at %d', (input, offset) => {
    if (offset < 0) {
      expect(() => decodeGoBase64Std(input)).not.toThrow();
      return;
    }
    expect(() => decodeGoBase64Std(input)).toThrow(new GoBase64CorruptInputError(offset));
  });
});
