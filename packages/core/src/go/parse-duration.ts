// Go time.ParseDuration and time.Duration.String, on int64 nanoseconds held in a bigint.
import { GoError } from './go-error.js';
import { goTimeQuote } from './time-quote.js';

/** A Go `time.ParseDuration` failure; `message` is Go's exact text. */
export class GoDurationError extends GoError {
  override name = 'GoDurationError';
}

const UNIT_NANOS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // micro sign
  ['\u03bcs', 1_000n], // Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const TWO_63 = 1n << 63n;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function invalid(orig: string): GoDurationError {
  return new GoDurationError(`time: invalid duration ${goTimeQuote(orig)}`);
}

/**
 * Go `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` with units ns, us, µs, μs, ms, s, m, h
 * (or a bare `0`), returning nanoseconds. Overflow beyond int64 and every malformed input throw a
 * {@link GoDurationError} with Go's message.
 *
 * @example parseGoDuration('1h30m') // 5400000000000n
 */
export function parseGoDuration(s: string): bigint {
  const orig = s;
  let i = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    i = 1;
  }
  if (s.slice(i) === '0') return 0n;
  if (i === s.length) throw invalid(orig);

  let total = 0n;
  while (i < s.length) {
    if (!(s[i] === '.' || isDigit(s[i]))) throw invalid(orig);

    // leadingInt: [0-9]*
    let v = 0n;
    const intStart = i;
    for (; isDigit(s[i]); i++) {
      if (v > TWO_63 / 10n) throw invalid(orig);
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) throw invalid(orig);
    }
    const pre = i !== intStart;

    // leadingFraction: (\.[0-9]*)?, which stops accumulating precision instead of overflowing.
    let frac = 0n;
    let scale = 1;
    let post = false;
    if (s[i] === '.') {
      i++;
      const fracStart = i;
      let overflow = false;
      for (; isDigit(s[i]); i++) {
        if (overflow) continue;
        if (frac > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = frac * 10n + BigInt(s.charCodeAt(i) - 48);
        if (next > TWO_63) {
          overflow = true;
          continue;
        }
        frac = next;
        scale *= 10;
      }
      post = i !== fracStart;
    }
    if (!pre && !post) throw invalid(orig);

    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
    if (i === unitStart) throw new GoDurationError(`time: missing unit in duration ${goTimeQuote(orig)}`);
    const unitText = s.slice(unitStart, i);
    const unit = UNIT_NANOS.get(unitText);
    if (unit === undefined) {
      throw new GoDurationError(`time: unknown unit ${goTimeQuote(unitText)} in duration ${goTimeQuote(orig)}`);
    }
    if (v > TWO_63 / unit) throw invalid(orig);
    v *= unit;
    if (frac > 0n) {
      // Go does this step in float64: uint64(float64(f) * (float64(unit) / scale)).
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > TWO_63) throw invalid(orig);
    }
    total += v;
    if (total > TWO_63) throw invalid(orig);
  }
  if (neg) return -total;
  if (total > TWO_63 - 1n) throw invalid(orig);
  return total;
}

// Go fmtFrac: v/10**prec as ".ddd" without trailing zeros (nothing when the fraction is 0).
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return [print ? `.${digits}` : '', v];
}

/**
 * Go `time.Duration.String()`: `72h3m0.5s`, `1.5s`, `2.2ms`, `1µs`, `0s`; the input is read as an int64.
 *
 * @example formatGoDuration(43800n * 3_600_000_000_000n) // '43800h0m0s'
 */
export function formatGoDuration(ns: bigint): string {
  const d = BigInt.asIntN(64, ns);
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = '\u00b5s';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, whole] = fmtFrac(u, prec);
    out = `${whole}${frac}${unit}`;
  } else {
    const [frac, seconds] = fmtFrac(u, 9);
    u = seconds;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}
