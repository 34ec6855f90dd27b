// Go 1.19 time.Time.UnmarshalJSON: time.Parse(`"2006-01-02T15:04:05Z07:00"`, raw JSON bytes).
import { GoError } from './go-error.js';
import { goTimeQuote } from './time-quote.js';

/** A Go `*time.ParseError`; `message` is Go's text. */
export class GoTimeParseError extends GoError {
  override name = 'GoTimeParseError';
}

// The layout Go 1.19 passes to Parse, quotes included (Go >= 1.20 strips the quotes first and words errors differently).
const LAYOUT = '"2006-01-02T15:04:05Z07:00"';

/** Unix nanoseconds of Go's zero time.Time, 0001-01-01T00:00:00Z. */
export const GO_ZERO_TIME_UNIX_NANOS = -62135596800n * 1_000_000_000n;

// Thrown inside the layout walk and turned into Go's ParseError text by the caller.
class BadValue extends Error {}

function isDigitAt(s: string, i: number): boolean {
  const c = s[i];
  return c !== undefined && c >= '0' && c <= '9';
}

// Go getnum: one or two digits; `fixed` demands two.
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new BadValue();
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new BadValue();
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return (DAYS_BEFORE_MONTH[month] as number) - (DAYS_BEFORE_MONTH[month - 1] as number);
}

// Days from 1970-01-01 to the given proleptic Gregorian date (civil-from-days inverse).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function cannotParse(raw: string, valueElem: string, layoutElem: string): GoTimeParseError {
  return new GoTimeParseError(
    `parsing time ${goTimeQuote(raw)} as ${goTimeQuote(LAYOUT)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`,
  );
}

function outOfRange(raw: string, what: string): GoTimeParseError {
  return new GoTimeParseError(`parsing time ${goTimeQuote(raw)}: ${what} out of range`);
}

// Go skip(): consume a literal layout chunk (no spaces in this layout).
function skipLiteral(raw: string, value: string, literal: string): string {
  let v = value;
  for (const c of literal) {
    if (v[0] !== c) throw cannotParse(raw, v, literal);
    v = v.slice(1);
  }
  return v;
}

/**
 * Go 1.19 `time.Time.UnmarshalJSON` applied to the raw JSON text of a value: `null` leaves the time
 * unchanged (returns `undefined`), anything else must be a quoted RFC 3339 timestamp. Returns Unix
 * nanoseconds (UTC); throws {@link GoTimeParseError} with Go 1.19's message, e.g.
 * `parsing time "\"2030-01-01\"" as "\"2006-01-02T15:04:05Z07:00\"": cannot parse "\"" as "T"`.
 *
 * @example unmarshalGoJsonTime('"2030-01-01T00:00:00Z"') // 1893456000000000000n
 */
export function unmarshalGoJsonTime(raw: string): bigint | undefined {
  if (raw === 'null') return undefined;
  let value = raw;
  let hold: string;

  const parseStd = <T>(layoutElem: string, parse: () => T): T => {
    hold = value;
    try {
      return parse();
    } catch (e) {
      if (e instanceof BadValue) throw cannotParse(raw, hold, layoutElem);
      throw e;
    }
  };

  value = skipLiteral(raw, value, '"');
  const year = parseStd('2006', () => {
    if (value.length < 4 || !isDigitAt(value, 0)) throw new BadValue();
    const text = value.slice(0, 4);
    if (!/^[0-9]{4}$/.test(text)) throw new BadValue();
    value = value.slice(4);
    return Number(text);
  });
  value = skipLiteral(raw, value, '-');
  const month = parseStd('01', () => {
    const [n, rest] = getnum(value, true);
    value = rest;
    return n;
  });
  if (month <= 0 || month > 12) throw outOfRange(raw, 'month');
  value = skipLiteral(raw, value, '-');
  const day = parseStd('02', () => {
    const [n, rest] = getnum(value, true);
    value = rest;
    return n;
  });
  value = skipLiteral(raw, value, 'T');
  const hour = parseStd('15', () => {
    const [n, rest] = getnum(value, false);
    value = rest;
    return n;
  });
  if (hour >= 24) throw outOfRange(raw, 'hour');
  value = skipLiteral(raw, value, ':');
  const minute = parseStd('04', () => {
    const [n, rest] = getnum(value, true);
    value = rest;
    return n;
  });
  if (minute >= 60) throw outOfRange(raw, 'minute');
  value = skipLiteral(raw, value, ':');
  const second = parseStd('05', () => {
    const [n, rest] = getnum(value, true);
    value = rest;
    return n;
  });
  if (second >= 60) throw outOfRange(raw, 'second');
  // A fraction the layout does not spell out is still accepted after the seconds ('.' or ',').
  let nanos = 0;
  if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
    let n = 2;
    while (isDigitAt(value, n)) n++;
    const digits = value.slice(1, Math.min(n, 10));
    nanos = Number(digits) * 10 ** (9 - digits.length);
    value = value.slice(n);
  }
  const offsetSeconds = parseStd('Z07:00', () => {
    if (value[0] === 'Z') {
      value = value.slice(1);
      return 0;
    }
    if (value.length < 6 || value[3] !== ':') throw new BadValue();
    const sign = value[0];
    const [hh] = getnum(value.slice(1, 3), true);
    const [mm] = getnum(value.slice(4, 6), true);
    value = value.slice(6);
    if (sign !== '+' && sign !== '-') throw new BadValue();
    return (sign === '-' ? -1 : 1) * (hh * 3600 + mm * 60);
  });
  value = skipLiteral(raw, value, '"');
  if (value !== '') throw new GoTimeParseError(`parsing time ${goTimeQuote(raw)}: extra text: ${goTimeQuote(value)}`);
  if (day < 1 || day > daysIn(month, year)) throw outOfRange(raw, 'day');

  const seconds = BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(hour * 3600 + minute * 60 + second - offsetSeconds);
  return seconds * 1_000_000_000n + BigInt(nanos);
}
