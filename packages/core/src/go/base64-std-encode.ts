// Go encoding/base64 StdEncoding.EncodeToString (RFC 4648 §4, padded), in linear time and one allocation.

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 0x3d;
const ascii = new TextDecoder();

/**
 * Go `base64.StdEncoding.EncodeToString`: the standard alphabet with `=` padding. Every output character
 * is written into one byte array that is decoded once, so a 10 MB input costs no more than its size.
 *
 * @example encodeGoBase64Std(new Uint8Array([1, 2])) // 'AQI='
 */
export function encodeGoBase64Std(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ALPHABET[v >> 18]!;
    out[o++] = ALPHABET[(v >> 12) & 63]!;
    out[o++] = ALPHABET[(v >> 6) & 63]!;
    out[o++] = ALPHABET[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out[o++] = ALPHABET[v >> 18]!;
    out[o++] = ALPHABET[(v >> 12) & 63]!;
    out[o++] = i + 1 < n ? ALPHABET[(v >> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return ascii.decode(out);
}
