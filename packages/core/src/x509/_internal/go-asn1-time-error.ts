// The error Go 1.19 encoding/asn1 returns for a UTCTime or GeneralizedTime it refuses (parseUTCTime,
// parseGeneralizedTime): time.Parse's ParseError for the layout tried last, or the re-serialisation complaint.
import { goQuote } from '../../go/strconv-quote.js';
import { goTimeQuote } from '../../go/time-quote.js';
import { daysIn } from '../go-time.js';

const latin1 = new TextDecoder('latin1');
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

// time.atoi: an optional sign, then digits only (leadingInt); null where Go returns atoiError.
function atoi(s: string): number | null {
  const m = /^([+-]?)(\d*)$/.exec(s);
  if (!m) return null;
  const n = m[2] === '' ? 0 : Number(m[2]);
  return m[1] === '-' ? -n : n;
}

// time.getnum: one or two digits (two when `fixed`); null where Go returns errBad.
function getnum(s: string, fixed: boolean): [number, string] | null {
  if (!isDigit(s, 0)) return null;
  if (!isDigit(s, 1)) return fixed ? null : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}

type Chunk = '06' | '2006' | '01' | '02' | '15' | '04' | '05' | 'Z0700';
const LAYOUTS: Record<string, readonly Chunk[]> = {
  '0601021504Z0700': ['06', '01', '02', '15', '04', 'Z0700'],
  '060102150405Z0700': ['06', '01', '02', '15', '04', '05', 'Z0700'],
  '20060102150405Z0700': ['2006', '01', '02', '15', '04', '05', 'Z0700'],
};

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset in minutes; 0 for `Z`. */
  offset: number;
}

// time.Parse(layout, value) for the three layouts above: the fields, or the ParseError's text.
function parse(layout: string, value: string): Fields | string {
  const q = (s: string): string => goTimeQuote(bytesOf(s));
  const cannotParse = (rest: string, chunk: string): string =>
    `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(rest)} as ${q(chunk)}`;
  const outOfRange = (what: string): string => `parsing time ${q(value)}: ${what} out of range`;
  const f: Fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, offset: 0 };
  let v = value;
  for (const chunk of LAYOUTS[layout]!) {
    switch (chunk) {
      case '06': {
        const y = v.length < 2 ? null : atoi(v.slice(0, 2));
        if (y === null) return cannotParse(v, chunk);
        f.year = y >= 69 ? y + 1900 : y + 2000;
        v = v.slice(2);
        break;
      }
      case '2006': {
        if (v.length < 4 || !isDigit(v, 0)) return cannotParse(v, chunk);
        const y = atoi(v.slice(0, 4));
        v = v.slice(4);
        if (y === null) return cannotParse(v, chunk);
        f.year = y;
        break;
      }
      case 'Z0700': {
        if (v.startsWith('Z')) {
          v = v.slice(1);
          break;
        }
        if (v.length < 5) return cannotParse(v, chunk);
        const [sign, hh, mm] = [v[0], atoi(v.slice(1, 3)), atoi(v.slice(3, 5))];
        v = v.slice(5);
        if (hh === null || mm === null || (sign !== '+' && sign !== '-')) return cannotParse(v, chunk);
        f.offset = (sign === '-' ? -1 : 1) * (hh * 60 + mm);
        break;
      }
      default: {
        // Go reads a fraction where the layout has none when it follows the seconds, or stands in for them.
        const fraction = chunk === '05' && /^[.,]\d/.test(v);
        const n = fraction ? ([0, v] as [number, string]) : getnum(v, chunk !== '15');
        if (n === null) return cannotParse(v, chunk);
        v = n[1];
        if (chunk === '01' && (n[0] < 1 || n[0] > 12)) return outOfRange('month');
        if (chunk === '15' && n[0] > 23) return outOfRange('hour');
        if (chunk === '04' && n[0] > 59) return outOfRange('minute');
        if (chunk === '05' && n[0] > 59) return outOfRange('second');
        if (chunk === '05') v = v.replace(/^[.,]\d+/, '');
        f[({ '01': 'month', '02': 'day', '15': 'hour', '04': 'minute', '05': 'second' } as const)[chunk]] = n[0];
      }
    }
  }
  if (v !== '') return `parsing time ${q(value)}: extra text: ${q(v)}`;
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) return outOfRange('day');
  return f;
}

// Time.Format(layout) of what parse returned (Z0700 writes a zero offset as `Z`).
function format(layout: string, f: Fields): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const off = Math.abs(f.offset);
  const zone = f.offset === 0 ? 'Z' : `${f.offset < 0 ? '-' : '+'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
  const year = layout.startsWith('2006') ? pad(f.year, 4) : pad(f.year % 100);
  const seconds = LAYOUTS[layout]!.includes('05') ? pad(f.second) : '';
  return `${year}${pad(f.month)}${pad(f.day)}${pad(f.hour)}${pad(f.minute)}${seconds}${zone}`;
}

/** Go's error text for the content of a UTCTime (`generalized` false) or GeneralizedTime that Go refuses, or null if Go accepts it. */
export function goAsn1TimeError(content: Uint8Array, generalized: boolean): string | null {
  const value = latin1.decode(content);
  // parseUTCTime tries minute precision first; the error reported is the second layout's.
  const layouts = generalized ? ['20060102150405Z0700'] : ['0601021504Z0700', '060102150405Z0700'];
  let result: Fields | string = '';
  let layout = '';
  for (layout of layouts) {
    result = parse(layout, value);
    if (typeof result !== 'string') break;
  }
  if (typeof result === 'string') return result;
  const serialized = format(layout, result);
  if (serialized === value) return null;
  return `asn1: time did not serialize back to the original value and may be invalid: given ${goQuote(value)}, but serialized as ${goQuote(serialized)}`;
}
