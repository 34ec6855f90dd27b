// Go strconv.Quote (also fmt's %q for strings).
import { codePoints, hex2 } from './_internal/utf8.js';

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
]);

/**
 * Go `strconv.Quote`: a double-quoted Go string literal; printable characters (including non-ASCII
 * ones) are kept, others escaped as `\n`, `\x1b`, `\u00a0`, `\U0001f600`.
 *
 * @example goQuote('a"b\n') // '"a\\"b\\n"'
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const cp of codePoints(s)) {
    if (cp === 0x22 || cp === 0x5c) {
      out += `\\${String.fromCharCode(cp)}`;
    } else if (cp < 0x80 ? cp >= 0x20 && cp < 0x7f : PRINTABLE.test(String.fromCodePoint(cp))) {
      out += String.fromCodePoint(cp);
    } else if (cp < 0x20 || cp === 0x7f) {
      out += NAMED_ESCAPES.get(cp) ?? `\\x${hex2(cp)}`;
    } else if (cp < 0x10000) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${cp.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}
