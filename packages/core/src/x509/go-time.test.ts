// Expected behaviour: Go time.Parse with x509's layouts (RFC 5280 §4.1.2.5), Go's JSON time format.
import { describe, expect, it } from 'vitest';
import { formatGoTimeJson, parseGoGeneralizedTime, parseGoUtcTime } from './go-time.js';

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
});
