// Go strconv.ParseInt(s, 0, bitSize), with Go's *NumError texts.
import { GoNumError, type GoNumErrorReason } from './strconv-atoi.js';

function numError(s: string, reason: GoNumErrorReason): GoNumError {
  return new GoNumError('ParseInt', s, reason);
}

// Go strconv underscoreOK: underscores only between digits (or after a base prefix).
function underscoreOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * Go `strconv.ParseInt(s, 0, bitSize)`: optional sign, `0x`/`0o`/`0b`/leading-`0` prefixes, `_` digit
 * separators, range −2^(bitSize−1) … 2^(bitSize−1)−1. Failures throw a {@link GoNumError} with Go's
 * text (`strconv.ParseInt: parsing "x": invalid syntax` / `value out of range`).
 *
 * @example parseGoInt('0x10', 32) // 16n
 */
export function parseGoInt(s0: string, bitSize: 32 | 64): bigint {
  if (s0 === '') throw numError(s0, 'invalid syntax');
  let s = s0;
  const negative = s[0] === '-';
  if (s[0] === '+' || s[0] === '-') {
    s = s.slice(1);
    if (s === '') throw numError(s0, 'invalid syntax');
  }
  // ParseUint with base 0
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === 'b') [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && p === 'x') [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  let overflow = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const lower = c.toLowerCase();
    let d: number;
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lower >= 'a' && lower <= 'z' && lower.length === 1) d = lower.charCodeAt(0) - 87;
    else throw numError(s0, 'invalid syntax');
    if (d >= base) throw numError(s0, 'invalid syntax');
    n = n * BigInt(base) + BigInt(d);
    if (n > maxVal) {
      // ParseUint stops at the first overflow: a range error, whatever follows.
      overflow = true;
      break;
    }
  }
  if (!overflow && underscores && !underscoreOk(s0)) throw numError(s0, 'invalid syntax');
  const cutoff = 1n << BigInt(bitSize - 1);
  if (overflow || (!negative && n >= cutoff) || (negative && n > cutoff)) throw numError(s0, 'value out of range');
  return negative ? -n : n;
}
