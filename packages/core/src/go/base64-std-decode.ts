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
// UTF-16 unit -> 6-bit value, -1 outside the alphabet (units past 0x7f are never in it).
const DECODE_MAP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE_MAP[ALPHABET.charCodeAt(i)] = i;

const valueOf = (c: number): number => (c < 128 ? DECODE_MAP[c]! : -1);
const isNewline = (c: number): boolean => c === 0x0a || c === 0x0d;

/**
 * Go `base64.StdEncoding.DecodeString`: standard alphabet, `=` padding required, CR/LF ignored.
 * Throws {@link GoBase64CorruptInputError} with the offset Go reports. Offsets count UTF-16 units,
 * which equal Go's byte offsets because decoding stops at the first non-ASCII character.
 *
 * @example decodeGoBase64Std('AQID') // Uint8Array [1, 2, 3]
 */
export function decodeGoBase64Std(src: string): Uint8Array {
  // One output array of the largest size the input can give (3 bytes per 4 characters), cut at the end.
  const out = new Uint8Array(Math.ceil(src.length / 4) * 3);
  let o = 0;
  let si = 0;
  const n = src.length;
  // Go decodeQuantum, repeated until the input is consumed.
  while (si < n) {
    let val = 0;
    let dlen = 4;
    let trailingGarbageAt = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === n) {
        if (j === 0) return out.slice(0, o);
        // padding is mandatory for StdEncoding
        throw new GoBase64CorruptInputError(si - j);
      }
      const c = src.charCodeAt(si);
      si++;
      const value = valueOf(c);
      if (value >= 0) {
        val |= value << (18 - 6 * j);
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d) throw new GoBase64CorruptInputError(si - 1);
      // padding
      if (j === 0 || j === 1) throw new GoBase64CorruptInputError(si - 1);
      if (j === 2) {
        // "==" expected; the first "=" is consumed
        while (si < n && isNewline(src.charCodeAt(si))) si++;
        if (si === n) throw new GoBase64CorruptInputError(n);
        if (src.charCodeAt(si) !== 0x3d) throw new GoBase64CorruptInputError(si - 1);
        si++;
      }
      while (si < n && isNewline(src.charCodeAt(si))) si++;
      if (si < n) trailingGarbageAt = si;
      dlen = j;
      break;
    }
    out[o++] = (val >> 16) & 0xff;
    if (dlen > 2) out[o++] = (val >> 8) & 0xff;
    if (dlen > 3) out[o++] = val & 0xff;
    if (trailingGarbageAt >= 0) throw new GoBase64CorruptInputError(trailingGarbageAt);
  }
  return out.slice(0, o);
}
