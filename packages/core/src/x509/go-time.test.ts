// Expected behaviour: Go time.Parse with x509's layouts (RFC 5280 §4.1.2.5), Go's JSON time format.
import { describe, expect, it } from 'vitest';
import { formatGoTimeJson, goTimeUnixMillis, parseGoGeneralizedTime, parseGoUtcTime } from './go-time.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const utc = (s: string): string | null => {
  const t = parseGoUtcTime(enc(s));
  return t && formatGoTimeJson(t);
};
const gen = (s: string): string | null => {
  const t = parseGoGeneralizedTime(enc(s));
  return t && formatGoTimeJson(t);
};

describe('Go ASN.1 times', () => {
  it('UTCTime: two-digit years 50–99 are 19xx, 00–49 are 20xx (RFC 5280 §4.1.2.5.1)', () => {
    expect(utc('500101000000Z')).toBe('1950-01-01T00:00:00Z');
    expect(utc('491231235959Z')).toBe('2049-12-31T23:59:59Z');
    expect(utc('691231235959Z')).toBe('1969-12-31T23:59:59Z');
  });

  it('UTCTime without seconds and with offsets keeps the written wall clock and zone', () => {
    expect(utc('2001010000+0130')).toBe('2020-01-01T00:00:00+01:30');
    expect(gen('20500101000000-0800')).toBe('2050-01-01T00:00:00-08:00');
  });

  it('rejects what Go cannot serialise back: +0000, fractions, invalid dates', () => {
    for (const s of ['200101000000+0000', '200101000000.5Z', '210229000000Z', '201301000000Z', '200101240000Z', '2001010000Z0'])
      expect(utc(s)).toBeNull();
    expect(utc('200229000000Z')).toBe('2020-02-29T00:00:00Z');
    expect(gen('2020010100000Z')).toBeNull();
  });

  it('reads exactly the digits and zone the layouts allow', () => {
    expect(utc('2001010000Z')).toBe('2020-01-01T00:00:00Z');
    expect(utc('200101000000+2400')).toBe('2020-01-01T00:00:00+24:00');
    for (const s of [
      '200101000000z',
      '200101000000Z ',
      '20010100000Z',
      '2001010000',
      '200101000000+01',
      '2001010000+013a',
      '٢٠01010000Z',
      '',
    ])
      expect(utc(s)).toBeNull();
    expect(gen('99991231235959Z')).toBe('9999-12-31T23:59:59Z');
    for (const s of ['20200101000000', '202001010000Z', '20200101000000.5Z', '2020010100000Z0']) expect(gen(s)).toBeNull();
  });

  it('UnixMilli: the instant, for two-digit years too (never read as 19xx)', () => {
    const at = (year: number, offsetMinutes = 0) =>
      goTimeUnixMillis({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0, offsetMinutes });
    expect(at(2020, 90)).toBe(1577831400000);
    expect(goTimeUnixMillis({ year: 99, month: 12, day: 31, hour: 23, minute: 59, second: 59, offsetMinutes: 0 })).toBe(-59011459201000);
    expect(at(10000)).toBe(253402300800000);
  });
});
