// cfssl crl.NewCRLFromFile serial list: one serial per line, read with Go big.Int SetString(line, 10)
// whose result is used even when it fails (reference §2.10).
import { goTrimSpace } from '../go/trim-space.js';

// What a failed Go big.Int.SetString(s, 10) leaves in the Int: an optional sign, then the longest run
// of decimal digits; no digits → 0 (and no sign).
function goBigIntScanBase10(line: string): bigint {
  let i = 0;
  let negative = false;
  if (line[0] === '+' || line[0] === '-') {
    negative = line[0] === '-';
    i = 1;
  }
  let digits = '';
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    digits += line[i]!;
  }
  if (digits === '') return 0n;
  const value = BigInt(digits);
  return negative ? -value : value;
}

/**
 * The serial numbers of a `gencrl` SERIALFILE exactly as cfssl reads them: the text is split on
 * `\n`; lines that are blank after Go's TrimSpace are skipped; every other line is parsed
 * **untrimmed** in base 10, keeping the leading digits (so `42\r` and `12abc` give 42 and 12) and
 * giving 0 when there are none (` 42`, `0x10`, `abc`). A sign is honoured (`-5` → −5).
 *
 * @example
 * parseCrlSerialList('42\n 7\n0x10\n12abc\n') // [42n, 0n, 0n, 12n]
 */
export function parseCrlSerialList(text: string): bigint[] {
  return text
    .split('\n')
    .filter((line) => goTrimSpace(line) !== '')
    .map(goBigIntScanBase10);
}
