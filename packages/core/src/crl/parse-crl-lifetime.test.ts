import { describe, expect, it } from 'vitest';
import { crlLifetimeSeconds } from './parse-crl-lifetime.js';

describe('crlLifetimeSeconds (cfssl crl.NewCRLFromFile)', () => {
  it('treats 0 as one week', () => {
    expect(crlLifetimeSeconds('0')).toBe(604800);
    expect(crlLifetimeSeconds('0x0')).toBe(604800);
  });
  it('keeps other values, negative included', () => {
    expect(crlLifetimeSeconds('86400')).toBe(86400);
    expect(crlLifetimeSeconds('-1')).toBe(-1);
  });
});
