// Go time/format.go quote(): the quoting used in time.ParseDuration and time.Parse errors.
import { codePoints, hex2, utf8Bytes } from './_internal/utf8.js';

/**
 * Quote `s` as Go's time package does in its error messages: double quotes, `"` and `\` escaped with a
 * backslash, and every byte of a control or non-ASCII character written as `\xNN`.
 *
 * @example goTimeQuote('1µs') // '"1\\xc2\\xb5s"'
 */
export function goTimeQuote(s: string): string {
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
