// Go time/format.go quote(): the quoting used in time.ParseDuration and time.Parse errors.
import { codePoints, hex2, utf8Bytes } from './_internal/utf8.js';

/**
 * Quote `s` as Go's time package does in its error messages: double quotes, `"` and `\` escaped with a
 * backslash, and every byte of a control or non-ASCII character written as `\xNN`. A Go string that is
 * not valid UTF-8 is given as its bytes (Go escapes each byte of it the same way).
 *
 * @example goTimeQuote('1µs') // '"1\\xc2\\xb5s"'
 */
export function goTimeQuote(s: string | Uint8Array): string {
  if (s instanceof Uint8Array) {
    let out = '"';
    for (const b of s) out += b < 0x20 || b >= 0x80 ? `\\x${hex2(b)}` : (b === 0x22 || b === 0x5c ? '\\' : '') + String.fromCharCode(b);
    return `${out}"`;
  }
  let out = '"';
  for (const cp of codePoints(s)) {
    if (cp < 0x20 || cp >= 0x80) {
      for (const b of utf8Bytes(cp)) out += `\\x${hex2(b)}`;
    } else {
      const ch = String.fromCharCode(cp);
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return `${out}"`;
}
