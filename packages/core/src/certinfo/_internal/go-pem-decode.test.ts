// Expected behaviour: Go encoding/pem.Decode (its doc comment and pem_test.go cases).
import { describe, expect, it } from 'vitest';
import { decodeGoPem } from './go-pem-decode.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('decodeGoPem (Go pem.Decode)', () => {
  it('skips text before the block and returns what follows the END line', () => {
    const { block, rest } = decodeGoPem(enc('junk\n-----BEGIN A-----\nAQID\n-----END A-----\nafter'));
    expect(block?.type).toBe('A');
    expect([...block!.bytes]).toEqual([1, 2, 3]);
    expect(dec(rest)).toBe('after');
  });

  it('reads RFC 1421 headers and CRLF line ends', () => {
    const { block } = decodeGoPem(enc('-----BEGIN A-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: X\r\n\r\nAQID\r\n-----END A-----\r\n'));
    expect(block?.headers.get('Proc-Type')).toBe('4,ENCRYPTED');
    expect([...block!.bytes]).toEqual([1, 2, 3]);
  });

  it('an empty block may end right after the BEGIN line', () => {
    const { block } = decodeGoPem(enc('-----BEGIN A-----\n-----END A-----\n'));
    expect(block?.bytes.length).toBe(0);
  });

  it('an END line of another type, bad base64 or trailing text on END makes Go move on to the next block', () => {
    expect(decodeGoPem(enc('-----BEGIN A-----\nAQID\n-----END B-----\n')).block).toBeNull();
    expect(decodeGoPem(enc('-----BEGIN A-----\nAQI*\n-----END A-----\n')).block).toBeNull();
    expect(decodeGoPem(enc('-----BEGIN A-----\nAQID\n-----END A----- x\n')).block).toBeNull();
    const second = decodeGoPem(enc('-----BEGIN A-----\n!!\n-----END A-----\n-----BEGIN B-----\nAQID\n-----END B-----\n'));
    expect(second.block?.type).toBe('B');
  });

  it('no block: null, and rest is the whole input', () => {
    const input = enc('-----BEGIN A-----\nAQID\n');
    const { block, rest } = decodeGoPem(input);
    expect(block).toBeNull();
    expect(rest).toBe(input);
  });

  it('spaces and tabs inside the base64 are ignored; trailing spaces on lines too', () => {
    const { block } = decodeGoPem(enc('-----BEGIN A-----  \nAQ\tI D\n-----END A-----\t\n'));
    expect([...block!.bytes]).toEqual([1, 2, 3]);
  });
});
