import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { parseSerialNumber } from './serial-number.js';

function refusal(text: string): string {
  try {
    parseSerialNumber(text);
  } catch (error) {
    if (error instanceof CfsslError) return error.message;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseSerialNumber (--serial)', () => {
  it('reads decimal and 0x-hex up to 20 bytes, leading zeros included', () => {
    expect(parseSerialNumber('42')).toBe(42n);
    expect(parseSerialNumber('0x7f')).toBe(127n);
    expect(parseSerialNumber(`${'0'.repeat(200)}5`)).toBe(5n);
    expect(parseSerialNumber(`0x7${'f'.repeat(39)}`)).toBe((1n << 159n) - 1n);
  });

  it('refuses 0, 2^159 and text that is no number', () => {
    expect(refusal('0')).toBe('invalid serial number "0": must be positive and at most 20 bytes');
    expect(refusal(`0x8${'0'.repeat(39)}`)).toMatch(/: must be positive and at most 20 bytes$/);
    expect(refusal('12x')).toBe('invalid serial number "12x": want decimal or 0x-prefixed hex');
  });

  it('quotes a 100,000-digit serial by its first 40 characters and its length, not whole', () => {
    const started = performance.now();
    expect(refusal('9'.repeat(100_000))).toBe(
      `invalid serial number "${'9'.repeat(40)}"... (100000 characters): must be positive and at most 20 bytes`,
    );
    expect(refusal(`${'1'.repeat(100_000)}x`)).toBe(
      `invalid serial number "${'1'.repeat(40)}"... (100001 characters): want decimal or 0x-prefixed hex`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
