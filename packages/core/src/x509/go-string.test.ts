// Expected behaviour: Go's unicode/utf8 (DecodeRune consumes one byte per invalid sequence) and
// encoding/json (each such byte becomes the six characters \ufffd; a real U+FFFD stays as is).
import { describe, expect, it } from 'vitest';
import { marshalGoJson } from '../go/json/marshal-go-json.js';
import { decodeUtf16BeToGoString, goStringFromBytes, isValidUtf8 } from './go-string.js';

const json = (bytes: number[]): string => marshalGoJson(goStringFromBytes(Uint8Array.from(bytes)));

describe('Go strings from bytes', () => {
  it('valid UTF-8 is kept; each invalid byte prints as \\ufffd', () => {
    expect(json([0x63, 0x61, 0x66, 0xe9])).toBe('"caf\\ufffd"');
    // a truncated 3-byte sequence is two invalid bytes for Go (WHATWG decoders would print one U+FFFD)
    expect(json([0xc3, 0xa9, 0x74, 0xe2, 0x82])).toBe('"ét\\ufffd\\ufffd"');
    expect(json([0xef, 0xbf, 0xbd])).toBe('"\ufffd"');
  });

  it('surrogates, overlong forms and code points above U+10FFFF are invalid (utf8.Valid)', () => {
    expect(isValidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(false);
    expect(isValidUtf8(Uint8Array.of(0xc0, 0xaf))).toBe(false);
    expect(isValidUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(false);
    expect(isValidUtf8(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80))).toBe(true);
  });

  it('UTF-16: pairs combine, a lone surrogate becomes U+FFFD (utf16.Decode)', () => {
    expect(new TextDecoder().decode(decodeUtf16BeToGoString(Uint8Array.of(0xd8, 0x3d, 0xde, 0x00, 0xd8, 0x00, 0x00, 0x41)))).toBe(
      '😀\ufffdA',
    );
  });
});
