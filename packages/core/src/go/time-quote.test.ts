import { describe, expect, it } from 'vitest';
import { goTimeQuote } from './time-quote.js';

describe('goTimeQuote', () => {
  it('escapes quotes and backslashes, writes non-ASCII and control bytes as \\xNN', () => {
    expect(goTimeQuote('1y')).toBe('"1y"');
    expect(goTimeQuote('"a\\')).toBe('"\\"a\\\\"');
    expect(goTimeQuote('\ufffd')).toBe('"\\xef\\xbf\\xbd"');
    expect(goTimeQuote('\u00b5s')).toBe('"\\xc2\\xb5s"');
    expect(goTimeQuote('a\tb')).toBe('"a\\x09b"');
    expect(goTimeQuote('\u007f')).toBe('"\u007f"');
  });

  it('quotes a Go string that is not UTF-8 byte by byte', () => {
    expect(goTimeQuote(Uint8Array.of(0xe9, 0x22, 0x5c, 0x41, 0x00))).toBe('"\\xe9\\"\\\\A\\x00"');
  });
});
