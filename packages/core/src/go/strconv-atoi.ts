// Go strconv.Atoi (64-bit int), with Go's *NumError texts.
import { GoError } from './go-error.js';
import { goQuote } from './strconv-quote.js';
import { utf8Length } from './_internal/utf8.js';

/** Go's strconv.ErrSyntax and strconv.ErrRange texts. */
export type GoNumErrorReason = 'invalid syntax' | 'value out of range';

/** A Go `*strconv.NumError`; `message` is Go's text, e.g. `strconv.Atoi: parsing "x": invalid syntax`. */
export class GoNumError extends GoError {
  override name = 'GoNumError';
  /** NumError.Err: which of strconv.ErrSyntax and strconv.ErrRange it wraps. */
  readonly reason: GoNumErrorReason;

  /** `func` is NumError.Func (`Atoi`, `ParseInt`), `num` the input as given. */
  constructor(func: string, num: string, reason: GoNumErrorReason) {
    super(`strconv.${func}: parsing ${goQuote(num)}: ${reason}`);
    this.reason = reason;
  }
}

const TWO_63 = 1n << 63n;
const MAX_UINT64 = (1n << 64n) - 1n;

function numError(input: string, reason: GoNumErrorReason): GoNumError {
  return new GoNumError('Atoi', input, reason);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/**
 * Go `strconv.Atoi` on a 64-bit platform: optional `+`/`-`, then decimal digits; no underscores,
 * no whitespace. Returns the value as a bigint (Go int64).
 *
 * @example goAtoi('-42') // -42n
 */
export function goAtoi(s: string): bigint {
  const byteLength = utf8Length(s);
  if (byteLength > 0 && byteLength < 19) {
    // Go's fast path for short inputs.
    const digits = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
    if (digits === '') throw numError(s, 'invalid syntax');
    let n = 0n;
    for (const c of digits) {
      if (!isDigit(c)) throw numError(s, 'invalid syntax');
      n = n * 10n + BigInt(c.charCodeAt(0) - 48);
    }
    return s[0] === '-' ? -n : n;
  }

  // ParseInt(s, 10, 0): sign, then ParseUint, which reports the first problem it meets scanning left to right.
  if (s === '') throw numError(s, 'invalid syntax');
  const neg = s[0] === '-';
  const digits = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (digits === '') throw numError(s, 'invalid syntax');
  let un = 0n;
  let outOfRange = false;
  for (const c of digits) {
    if (!isDigit(c)) throw numError(s, 'invalid syntax');
    if (un >= MAX_UINT64 / 10n + 1n) {
      outOfRange = true;
      break;
    }
    const next = un * 10n + BigInt(c.charCodeAt(0) - 48);
    if (next > MAX_UINT64) {
      outOfRange = true;
      break;
    }
    un = next;
  }
  if (outOfRange || (!neg && un >= TWO_63) || (neg && un > TWO_63)) throw numError(s, 'value out of range');
  return neg ? -un : un;
}
