// Go strconv.ParseInt(s, 0, 64), as Go's int flags use it (flag.intValue.Set).

/** Result of {@link parseGoInt}: Go's flag package reduces failures to these two texts. */
export type GoIntParseResult =
  | { ok: true; value: bigint }
  | { ok: false; reason: 'parse error' | 'value out of range' };

const MAX_UINT64 = (1n << 64n) - 1n;
const INT64_CUTOFF = 1n << 63n;

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return lower - 0x61 + 10;
  return -1;
}

// Go strconv.underscoreOK: underscores only between digits or after a base prefix.
function underscoreOk(text: string): boolean {
  let saw = '^';
  let s = text;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] ?? '')) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    const d = digitValue(c);
    if ((d >= 0 && d <= 9) || (hex && d >= 10 && d <= 15)) {
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

// Go strconv.ParseUint(s, 0, 64).
function parseUint(text: string): GoIntParseResult {
  if (text === '') return { ok: false, reason: 'parse error' };
  let s = text;
  let base = 10n;
  if (s[0] === '0') {
    const prefix = (s[1] ?? '').toLowerCase();
    if (s.length >= 3 && prefix === 'b') [base, s] = [2n, s.slice(2)];
    else if (s.length >= 3 && prefix === 'o') [base, s] = [8n, s.slice(2)];
    else if (s.length >= 3 && prefix === 'x') [base, s] = [16n, s.slice(2)];
    else [base, s] = [8n, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d < 0 || BigInt(d) >= base) return { ok: false, reason: 'parse error' };
    n = n * base + BigInt(d);
    if (n > MAX_UINT64) return { ok: false, reason: 'value out of range' };
  }
  if (underscores && !underscoreOk(text)) return { ok: false, reason: 'parse error' };
  return { ok: true, value: n };
}

/**
 * Go `strconv.ParseInt(text, 0, 64)`: optional sign, then decimal, `0x`, `0o`, `0b` or
 * leading-`0` octal, with `_` digit separators.
 */
export function parseGoInt(text: string): GoIntParseResult {
  if (text === '') return { ok: false, reason: 'parse error' };
  let s = text;
  let negative = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') [negative, s] = [true, s.slice(1)];
  const unsigned = parseUint(s);
  if (!unsigned.ok) return unsigned;
  if (!negative && unsigned.value >= INT64_CUTOFF) return { ok: false, reason: 'value out of range' };
  if (negative && unsigned.value > INT64_CUTOFF) return { ok: false, reason: 'value out of range' };
  return { ok: true, value: negative ? -unsigned.value : unsigned.value };
}
