// cfssl crl.NewCRLFromFile serial list: one serial per line, read with Go big.Int SetString(line, 10)
// whose result cfssl uses even when it fails (reference §2.10): `abc`, `0x10` and ` 42` become serial 0.
// cfssl-ts refuses such lines instead, so every CRL it prints revokes what cfssl's would when both succeed.
import { CfsslError } from '../errors/cfssl-error.js';
import { quoteExcerpt } from '../errors/quote-excerpt.js';
import { goTrimSpace } from '../go/trim-space.js';

/**
 * The serial numbers of a `gencrl` SERIALFILE: the text is split on `\n`; lines that are blank after
 * Go's TrimSpace are skipped; every other line must be an optional sign and decimal digits, trailing
 * white space allowed (`42\r` of a CRLF file is 42, as in cfssl). A line cfssl would misread (a
 * leading space, `0x10`, `abc`, `12abc`) is refused with its 1-based line number (ERR_INPUT).
 *
 * @example
 * parseCrlSerialList('42\r\n7\n\n-5\n') // [42n, 7n, -5n]
 * parseCrlSerialList('42\n0x10\n') // throws: line 2: "0x10" is not a decimal serial number
 */
export function parseCrlSerialList(text: string): bigint[] {
  const serials: bigint[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = goTrimSpace(line);
    if (trimmed === '') continue;
    if (!/^[+-]?[0-9]+$/.test(trimmed) || !line.startsWith(trimmed)) {
      throw new CfsslError('ERR_INPUT', 0, `line ${i + 1}: ${quoteExcerpt(line)} is not a decimal serial number`);
    }
    serials.push(BigInt(trimmed));
  }
  return serials;
}
