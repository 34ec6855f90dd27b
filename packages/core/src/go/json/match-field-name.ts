// Go encoding/json struct field lookup: exact JSON name first, else a case-insensitive match.
import type { GoField } from './go-type.js';

const KELVIN = '\u212a';
const LONG_S = '\u017f';

// Go 1.19 foldFunc (equalFoldRight / asciiEqualFold / simpleLetterEqualFold) for ASCII field names:
// ASCII case-insensitive, plus KELVIN SIGN for k and LATIN SMALL LETTER LONG S for s.
function keyFoldsTo(name: string, key: string): boolean {
  const keyChars = Array.from(key); // code points, as Go ranges over runes
  if (keyChars.length !== name.length) return false;
  for (let i = 0; i < name.length; i++) {
    const n = name[i] as string;
    const k = keyChars[i] as string;
    if (n === k) continue;
    const lower = n.toLowerCase();
    if (lower === n.toUpperCase()) return false; // not a letter: exact match only
    if (k.length === 1 && k.charCodeAt(0) < 0x80) {
      if (k.toLowerCase() !== lower) return false;
    } else if (!((k === KELVIN && lower === 'k') || (k === LONG_S && lower === 's'))) {
      return false;
    }
  }
  return true;
}

/**
 * The struct field Go's decoder assigns an object key to: the field whose JSON name equals the key, else
 * the first field (in declaration order) whose name matches it case-insensitively. Field names must be
 * ASCII (all of cfssl's are). Go 1.19 rules; Go 1.21+ also folds U+0131 (dotless i) to `I`.
 *
 * @example matchFieldName(fields, 'USAGES') // the field tagged "usages"
 */
export function matchFieldName(fields: readonly GoField[], key: string): GoField | undefined {
  return fields.find((f) => f.jsonName === key) ?? fields.find((f) => keyFoldsTo(f.jsonName, key));
}
