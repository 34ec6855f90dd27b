// Go encoding/base64 StdEncoding.Decode (padded, non-strict; \r and \n are skipped).
import { GoError } from './go-error.js';

/** Go `base64.CorruptInputError`: `illegal base64 data at input byte N`. */
export class GoBase64CorruptInputError extends GoError {
  override name = 'GoBase64CorruptInputError';
  /** Byte offset Go reports. */
  readonly offset: number;

  constructor(offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
    this.offset = offset;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE_MAP = new Map<string, number>(ALPHABET.split('').map((c, i) => [c, i]));

function isNewline(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * Go `base64.StdEncoding.DecodeString`: standard alphabet, `=` padding required, CR/LF ignored.
 * Throws {@link GoBase64CorruptInputError} with the offset Go reports. Offsets count UTF-16 units,
 * which equal Go's byte offsets because decoding stops at the first non-ASCII character.
 *
 * @example decodeGoBase64Std('AQID') // Uint8Array [1, 2, 3]
 */
export function decodeGoBase64Std(src: string): Uint8Array {
  const out: number[] = [];
  let si = 0;
  // Go decodeQuantum, repeated until the input is consumed.
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingGarbageAt = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        // padding is mandatory for StdEncoding
        throw new GoBase64CorruptInputError(si - j);
      }
      const c = src[si] as string;
      si++;
      const value = DECODE_MAP.get(c);
      if (value !== undefined) {
        dbuf[j] = value;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== '=') throw new GoBase64CorruptInputError(si - 1);
      // padding
      if (j === 0 || j === 1) throw new GoBase64CorruptInputError(si - 1);
      if (j === 2) {
        // "==" expected; the first "=" is consumed
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) throw new GoBase64CorruptInputError(src.length);
        if (src[si] !== '=') throw new GoBase64CorruptInputError(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailingGarbageAt = si;
      dlen = j;
      break;
    }
    const val = ((dbuf[0] as number) << 18) | ((dbuf[1] as number) << 12) | ((dbuf[2] as number) << 6) | (dbuf[3] as number);
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailingGarbageAt >= 0) throw new GoBase64CorruptInputError(trailingGarbageAt);
  }
  return Uint8Array.from(out);
}
