import { describe, expect, it } from 'vitest';
import { formatGoDuration, GoDurationError, parseGoDuration } from './parse-duration.js';

const NS = 1n;
const US = 1_000n;
const MS = 1_000_000n;
const S = 1_000_000_000n;
const M = 60n * S;
const H = 60n * M;

// Go's parseDurationTests (src/time/time_test.go).
const parseDurationTests: Array<[string, bigint]> = [
  ['0', 0n],
  ['5s', 5n * S],
  ['30s', 30n * S],
  ['1478s', 1478n * S],
  ['-5s', -5n * S],
  ['+5s', 5n * S],
  ['-0', 0n],
  ['+0', 0n],
  ['5.0s', 5n * S],
  ['5.6s', 5n * S + 600n * MS],
  ['5.s', 5n * S],
  ['.5s', 500n * MS],
  ['1.0s', 1n * S],
  ['1.00s', 1n * S],
  ['1.004s', 1n * S + 4n * MS],
  ['1.0040s', 1n * S + 4n * MS],
  ['100.00100s', 100n * S + 1n * MS],
  ['10ns', 10n * NS],
  ['11us', 11n * US],
  ['12\u00b5s', 12n * US],
  ['12\u03bcs', 12n * US],
  ['13ms', 13n * MS],
  ['14s', 14n * S],
  ['15m', 15n * M],
  ['16h', 16n * H],
  ['3h30m', 3n * H + 30n * M],
  ['10.5s4m', 4n * M + 10n * S + 500n * MS],
  ['-2m3.4s', -(2n * M + 3n * S + 400n * MS)],
  ['1h2m3s4ms5us6ns', 1n * H + 2n * M + 3n * S + 4n * MS + 5n * US + 6n * NS],
  ['39h9m14.425s', 39n * H + 9n * M + 14n * S + 425n * MS],
  ['52763797000ns', 52763797000n * NS],
  ['0.3333333333333333333h', 20n * M],
  ['9007199254740993ns', (1n << 53n) + 1n],
  ['9223372036854775807ns', (1n << 63n) - 1n],
  ['9223372036854775.807us', (1n << 63n) - 1n],
  ['9223372036s854ms775us807ns', (1n << 63n) - 1n],
  ['-9223372036854775808ns', -(1n << 63n)],
  ['-9223372036854775.808us', -(1n << 63n)],
  ['-9223372036s854ms775us808ns', -(1n << 63n)],
  ['-2562047h47m16.854775808s', -(1n << 63n)],
  ['0.100000000000000000000h', 6n * M],
  ['0.830103483285477580700h', 49n * M + 48n * S + 372539827n * NS],
];

// Go's parseDurationErrorTests: the quoted form Go's error must contain (inputs with invalid UTF-8
// bytes are left out: a JS string cannot hold them).
const parseDurationErrorTests: Array<[string, string]> = [
  ['', '""'],
  ['3', '"3"'],
  ['-', '"-"'],
  ['s', '"s"'],
  ['.', '"."'],
  ['-.', '"-."'],
  ['.s', '".s"'],
  ['+.s', '"+.s"'],
  ['1d', '"1d"'],
  ['\ufffd', '"\\xef\\xbf\\xbd"'],
  ['\ufffd hello \ufffd world', '"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'],
  ['9223372036854775810ns', '"9223372036854775810ns"'],
  ['9223372036854775808ns', '"9223372036854775808ns"'],
  ['-9223372036854775809ns', '"-9223372036854775809ns"'],
  ['9223372036854776us', '"9223372036854776us"'],
  ['3000000h', '"3000000h"'],
  ['9223372036854775.808us', '"9223372036854775.808us"'],
  ['9223372036854ms775us808ns', '"9223372036854ms775us808ns"'],
];

// Go's durationTests (Duration.String).
const durationTests: Array<[string, bigint]> = [
  ['0s', 0n],
  ['1ns', 1n * NS],
  ['1.1\u00b5s', 1100n * NS],
  ['2.2ms', 2200n * US],
  ['3.3s', 3300n * MS],
  ['4m5s', 4n * M + 5n * S],
  ['4m5.001s', 4n * M + 5001n * MS],
  ['5h6m7.001s', 5n * H + 6n * M + 7001n * MS],
  ['8m0.000000001s', 8n * M + 1n * NS],
  ['2562047h47m16.854775807s', (1n << 63n) - 1n],
  ['-2562047h47m16.854775808s', -(1n << 63n)],
];

describe('parseGoDuration', () => {
  it.each(parseDurationTests)('parses %j', (input, want) => {
    expect(parseGoDuration(input)).toBe(want);
  });

  it.each(parseDurationErrorTests)('rejects %j', (input, quoted) => {
    let caught: unknown;
    try {
      parseGoDuration(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GoDurationError);
    expect((caught as Error).message).toContain(quoted);
  });

  it("uses Go's exact error texts", () => {
    expect(() => parseGoDuration('x')).toThrow(new GoDurationError('time: invalid duration "x"'));
    expect(() => parseGoDuration('1y')).toThrow('time: unknown unit "y" in duration "1y"');
    expect(() => parseGoDuration('3600')).toThrow('time: missing unit in duration "3600"');
    // cfssl golden case cfg-bad-backdate
    expect(() => parseGoDuration('5 minutes')).toThrow('time: unknown unit " minutes" in duration "5 minutes"');
    expect(() => parseGoDuration('30d')).toThrow('time: unknown unit "d" in duration "30d"');
    // non-ASCII units are quoted byte by byte
    expect(() => parseGoDuration('1é')).toThrow('time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"');
    expect(() => parseGoDuration('1"')).toThrow('time: unknown unit "\\"" in duration "1\\""');
  });

  it('handles the durations cfssl uses', () => {
    expect(parseGoDuration('8760h')).toBe(8760n * H);
    expect(parseGoDuration('0.75h')).toBe(45n * M);
    expect(parseGoDuration('2h45m')).toBe(2n * H + 45n * M);
    expect(parseGoDuration('-1h')).toBe(-H);
  });
});

describe('formatGoDuration', () => {
  it.each(durationTests)('formats %s', (want, d) => {
    expect(formatGoDuration(d)).toBe(want);
    if (d > 0n) expect(formatGoDuration(-d)).toBe(`-${want}`);
  });

  it('formats cfssl constants', () => {
    expect(formatGoDuration(43800n * H)).toBe('43800h0m0s');
    expect(formatGoDuration(1500n * MS)).toBe('1.5s');
    expect(formatGoDuration(-M)).toBe('-1m0s');
    expect(formatGoDuration(US)).toBe('1\u00b5s');
  });

  it('round-trips the int64 extremes (Go TestParseDurationRoundTrip)', () => {
    for (const d of [(1n << 63n) - 1n, -(1n << 63n)]) expect(parseGoDuration(formatGoDuration(d))).toBe(d);
  });
});
