// cfssl config.OID: UnmarshalJSON and parseObjectIdentifier (config/config.go).
import { GoError } from '../go/go-error.js';
import { goAtoi } from '../go/strconv-atoi.js';

/** A parsed `allowed_extensions` / policy `ID` OID. */
export interface CfsslOid {
  /** asn1.ObjectIdentifier.String(): arcs printed with Go's Itoa (`+1` -> `1`, `007` -> `7`). */
  id: string;
  /** Arcs as numbers (exact up to 2^53). */
  arcs: number[];
}

/**
 * cfssl `parseObjectIdentifier`: the string must contain a digit somewhere (an unanchored `\d(\.\d+)*`
 * match), then every dot-separated part goes through Go `strconv.Atoi` (signs accepted).
 * Throws `Invalid OID` or Go's Atoi error.
 *
 * @example parseCfsslOid('1.2.3') // { id: '1.2.3', arcs: [1, 2, 3] }
 */
export function parseCfsslOid(text: string): CfsslOid {
  if (!/[0-9]/.test(text)) throw new GoError('Invalid OID');
  const values = text.split('.').map((part) => goAtoi(part));
  return { id: values.map((v) => v.toString()).join('.'), arcs: values.map((v) => Number(v)) };
}

/**
 * cfssl `OID.UnmarshalJSON` on the raw JSON text: it must start and end with `"` (else
 * `OID JSON string not wrapped in quotes.<raw>`, `null` included); the text between the quotes is
 * parsed as written, escapes undecoded.
 *
 * @example unmarshalCfsslOidJson('"2.5.29.17"').id // '2.5.29.17'
 */
export function unmarshalCfsslOidJson(raw: string): CfsslOid {
  if (raw[0] !== '"' || raw[raw.length - 1] !== '"') throw new GoError(`OID JSON string not wrapped in quotes.${raw}`);
  return parseCfsslOid(raw.slice(1, -1));
}
