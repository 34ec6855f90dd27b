import { describe, expect, it } from 'vitest';
import { derTime } from './der-time.js';

const text = (b: Uint8Array): string => `${b[0]!.toString(16)}:${Buffer.from(b.subarray(2)).toString('latin1')}`;

describe('derTime (RFC 5280 §4.1.2.5)', () => {
  it('uses UTCTime through 2049 and GeneralizedTime from 2050', () => {
    expect(text(derTime(Date.UTC(2049, 11, 31, 23, 59, 59)))).toBe('17:491231235959Z');
    expect(text(derTime(Date.UTC(2050, 0, 1, 0, 0, 0)))).toBe('18:20500101000000Z');
    expect(text(derTime(Date.UTC(1950, 0, 1)))).toBe('17:500101000000Z');
    expect(text(derTime(Date.UTC(1949, 11, 31)))).toBe('18:19491231000000Z');
  });

  it('truncates sub-second precision like Go', () => {
    expect(text(derTime(Date.UTC(2026, 10, 28, 2, 33, 4) + 999))).toBe('17:261128023304Z');
  });
});
