import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { parseCrlSerialList } from './parse-crl-serial-list.js';

function refusal(text: string): string {
  try {
    parseCrlSerialList(text);
  } catch (error) {
    if (error instanceof CfsslError) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error(`${JSON.stringify(text)} was accepted`);
}

// Accepted lines give the value real cfssl (1.2 and 1.6 share this code) put in the CRL, observed with
// `openssl crl -text` (reference §2.10); lines cfssl turns into serial 0 are refused.
describe('parseCrlSerialList (cfssl gencrl SERIALFILE)', () => {
  it('reads signed decimal lines; trailing white space (a CRLF file) is allowed', () => {
    expect(parseCrlSerialList('42\n99\r\n-5\n+8\n7 \t\n\n   \n')).toEqual([42n, 99n, -5n, 8n, 7n]);
  });
  it('skips lines blank after Go TrimSpace and handles big serials', () => {
    expect(parseCrlSerialList('\r\n\t\n340282366920938463463374607431768211457')).toEqual([340282366920938463463374607431768211457n]);
  });
  it('returns nothing for an empty file', () => {
    expect(parseCrlSerialList('')).toEqual([]);
  });
  it.each([
    ['42\nabc\n', 'line 2: "abc" is not a decimal serial number'],
    ['42\n\n0x10\n', 'line 3: "0x10" is not a decimal serial number'],
    [' 42\n', 'line 1: " 42" is not a decimal serial number'],
    ['12abc\n', 'line 1: "12abc" is not a decimal serial number'],
    ['abc\r\n', 'line 1: "abc\\r" is not a decimal serial number'],
    ['-\n', 'line 1: "-" is not a decimal serial number'],
    [`1\n${'x'.repeat(1000)}`, `line 2: "${'x'.repeat(40)}"... (1000 characters) is not a decimal serial number`],
  ])('refuses what cfssl reads as serial 0 or a prefix: %j', (text, message) => {
    expect(refusal(text)).toBe(`ERR_INPUT ${message}`);
  });
});
