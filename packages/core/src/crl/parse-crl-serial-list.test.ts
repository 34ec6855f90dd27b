import { describe, expect, it } from 'vitest';
import { parseCrlSerialList } from './parse-crl-serial-list.js';

// Expected values: what real cfssl (1.2 and 1.6 share this code) put in the CRL for these lines,
// observed with `openssl crl -text` (reference §2.10 lists `abc\r`, ` 42`, `0x10` → 0).
describe('parseCrlSerialList (cfssl gencrl SERIALFILE)', () => {
  it('keeps the leading decimal digits of each untrimmed line, 0 when there are none', () => {
    const text = '42\n 7\nabc\r\n0x10\n99\r\n-5\n+8\n12abc\n\n   \n';
    expect(parseCrlSerialList(text)).toEqual([42n, 0n, 0n, 0n, 99n, -5n, 8n, 12n]);
  });
  it('skips lines blank after Go TrimSpace and handles big serials', () => {
    expect(parseCrlSerialList('\r\n\t\n340282366920938463463374607431768211457')).toEqual([340282366920938463463374607431768211457n]);
  });
  it('gives no sign to a line without digits', () => {
    expect(parseCrlSerialList('-\n-x\n')).toEqual([0n, 0n]);
  });
  it('returns nothing for an empty file', () => {
    expect(parseCrlSerialList('')).toEqual([]);
  });
});
