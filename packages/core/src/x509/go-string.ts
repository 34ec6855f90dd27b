// Go strings are byte strings; these helpers turn bytes into the JS string Go's encoding/json would print.

// Go utf8.DecodeRune: the length of the valid rune starting at i, or 0 when the byte there is invalid.
function runeLength(b: Uint8Array, i: number): number {
  const c0 = b[i]!;
  if (c0 < 0x80) return 1;
  let size: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c0 >= 0xc2 && c0 <= 0xdf) size = 2;
  else if (c0 >= 0xe0 && c0 <= 0xef) {
    size = 3;
    if (c0 === 0xe0) lo = 0xa0;
    if (c0 === 0xed) hi = 0x9f;
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    size = 4;
    if (c0 === 0xf0) lo = 0x90;
    if (c0 === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + size > b.length) return 0;
  const c1 = b[i + 1]!;
  if (c1 < lo || c1 > hi) return 0;
  for (let k = 2; k < size; k++) {
    const c = b[i + k]!;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return size;
}

/** Go utf8.Valid. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const n = runeLength(bytes, i);
    if (n === 0) return false;
    i += n;
  }
  return true;
}

const utf8Decoder = new TextDecoder('utf-8');

/**
 * A Go string (bytes) as a JS string: valid UTF-8 runs decode normally; each invalid byte becomes a
 * lone low surrogate, which marshalGoJson prints as `\ufffd`, as Go's encoder does for invalid bytes.
 */
export function goStringFromBytes(bytes: Uint8Array): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = runeLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += utf8Decoder.decode(bytes.subarray(start, i)) + String.fromCharCode(0xdc00 | bytes[i]!);
    i++;
    start = i;
  }
  return out + utf8Decoder.decode(bytes.subarray(start));
}

const latin1Decoder = new TextDecoder('latin1');

/** Bytes known to be ASCII as a JS string: short ones (names, hosts) built directly, long ones decoded (linear either way). */
export function asciiString(bytes: Uint8Array): string {
  if (bytes.length > 32) return latin1Decoder.decode(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const utf8Encoder = new TextEncoder();

/** Go strings.Join over byte strings. */
export function joinGoStrings(parts: readonly Uint8Array[], sep: string): Uint8Array {
  const sepBytes = utf8Encoder.encode(sep);
  let total = 0;
  for (const p of parts) total += p.length;
  total += Math.max(0, parts.length - 1) * sepBytes.length;
  const out = new Uint8Array(total);
  let off = 0;
  parts.forEach((p, i) => {
    if (i > 0) {
      out.set(sepBytes, off);
      off += sepBytes.length;
    }
    out.set(p, off);
    off += p.length;
  });
  return out;
}

/** Go utf16.Decode of big-endian code units into a Go string: unpaired surrogates become U+FFFD. */
export function decodeUtf16BeToGoString(units: Uint8Array): Uint8Array {
  let s = '';
  for (let i = 0; i + 1 < units.length; i += 2) s += String.fromCharCode((units[i]! << 8) | units[i + 1]!);
  // TextEncoder replaces lone surrogates with U+FFFD, matching utf16.Decode.
  return utf8Encoder.encode(s);
}

/** A Go `string` value inside a decoded structure: its bytes, printed by JSON via goStringFromBytes. */
export class GoString {
  constructor(readonly bytes: Uint8Array) {}

  toJSONValue(): string {
    return goStringFromBytes(this.bytes);
  }
}
