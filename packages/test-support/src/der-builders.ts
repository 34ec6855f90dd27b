// Hand-built DER for tests (short and long definite lengths), plus hex in both directions.

/** Lower-case hex of bytes. */
export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Bytes of a hex string (pairs of digits; white space is ignored). */
export const bytesFromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

/** The Latin-1 bytes of a string. */
export const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

/** The UTF-8 bytes of a string. */
export const utf8 = (s: string): number[] => [...Buffer.from(s, 'utf8')];

/** A TLV with a definite length over the concatenated parts. */
export function tlv(tag: number, ...parts: Array<Uint8Array | number[]>): Uint8Array {
  const content = Buffer.concat(parts.map((p) => Buffer.from(p)));
  const n = content.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  // concatenated, not spread: contents of megabytes (issue 10's huge inputs) stay cheap to build
  return new Uint8Array(Buffer.concat([Buffer.from([tag, ...len]), content]));
}

/** A RelativeDistinguishedName: a SET of AttributeTypeAndValue. */
export const rdn = (...atvs: Uint8Array[]): Uint8Array => tlv(0x31, ...atvs);
