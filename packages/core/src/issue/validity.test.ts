import { describe, expect, it } from 'vitest';
import { computeValidity } from './validity.js';
import { localProfile } from './ca-profile.js';

const H = 3_600_000_000_000n;
const at = (iso: string): number => Date.parse(iso);

describe('computeValidity (cfssl signer.FillTemplate)', () => {
  const def = localProfile({ expiry: 8760n * H });
  it('rounds the clock to the nearest minute, halfway up (Go Time.Round(time.Minute)), before backdating', () => {
    const notBefore = (now: number): number => computeValidity(localProfile({ expiry: H }), def, now).notBefore + 5 * 60_000;
    expect(notBefore(at('2026-11-28T02:33:29.999Z'))).toBe(at('2026-11-28T02:33:00Z'));
    expect(notBefore(at('2026-11-28T02:33:30Z'))).toBe(at('2026-11-28T02:34:00Z'));
  });
  it('backdates 5 minutes from the rounded clock by default', () => {
    const v = computeValidity(localProfile({ expiry: 2n * H }), def, at('2026-11-28T02:33:04Z'));
    expect(new Date(v.notBefore).toISOString()).toBe('2026-11-28T02:28:00.000Z');
    expect(v.notAfter - v.notBefore).toBe(2 * 3600_000);
  });
  it('uses the default profile expiry when the profile has 0', () => {
    const v = computeValidity(localProfile({}), def, at('2026-11-28T02:33:04Z'));
    expect(v.notAfter - v.notBefore).toBe(8760 * 3600_000);
  });
  it('pins not_before/not_after without backdating', () => {
    const v = computeValidity(localProfile({ notBefore: at('2040-01-01T00:00:00Z'), notAfter: at('2050-01-01T00:00:00Z') }), def, 0);
    expect(v).toEqual({ notBefore: at('2040-01-01T00:00:00Z'), notAfter: at('2050-01-01T00:00:00Z') });
  });
  it('applies a profile backdate', () => {
    const v = computeValidity(localProfile({ backdate: 600_000_000_000n, expiry: H }), def, at('2026-11-28T02:33:04Z'));
    expect(new Date(v.notBefore).toISOString()).toBe('2026-11-28T02:23:00.000Z');
  });
});

describe('computeValidity: windows X.509 cannot encode', () => {
  const def = localProfile({ expiry: 8760n * H });
  it('refuses a not_after past 9999-12-31 (Go: cannot represent time as GeneralizedTime) instead of writing a malformed time', () => {
    expect(() => computeValidity(localProfile({ expiry: 8760n * H }), def, at('9999-12-31T23:59:59Z'))).toThrow(
      'asn1: structure error: cannot represent time as GeneralizedTime (not_after +010000-12-30T23:55:00Z is outside the years 0000 to 9999)',
    );
  });

  it('accepts the last encodable second', () => {
    expect(
      computeValidity(localProfile({ notBefore: at('2020-01-01T00:00:00Z'), notAfter: at('9999-12-31T23:59:59Z') }), def, 0).notAfter,
    ).toBe(at('9999-12-31T23:59:59Z'));
  });
});
