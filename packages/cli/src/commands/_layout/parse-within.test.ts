import { describe, expect, it } from 'vitest';
import { parseWithin } from './parse-within.js';

describe('parseWithin (-within of check and renew)', () => {
  it.each([
    ['30d', 30 * 86_400_000],
    ['0d', 0],
    ['0', 0],
    ['720h', 720 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['1.5h', 90 * 60_000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseWithin(text)).toBe(ms);
  });

  it('names the flag and quotes Go time.ParseDuration for text that is neither form', () => {
    expect(() => parseWithin('30 days')).toThrow(
      'invalid -within "30 days": want a Go duration (720h, 90m) or days (30d): time: unknown unit " days" in duration "30 days"',
    );
    expect(() => parseWithin('')).toThrow('invalid -within "": want a Go duration (720h, 90m) or days (30d): time: invalid duration ""');
  });

  it('refuses a negative window', () => {
    expect(() => parseWithin('-1h')).toThrow('invalid -within "-1h": the window cannot be negative');
  });
});
