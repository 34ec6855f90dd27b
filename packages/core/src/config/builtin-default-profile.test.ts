import { describe, expect, it } from 'vitest';
import { builtinDefaultProfile, zeroSigningProfile } from './builtin-default-profile.js';

describe('builtinDefaultProfile', () => {
  it('is cfssl DefaultConfig(): four usages, 8760h', () => {
    const p = builtinDefaultProfile();
    expect(p.usages).toEqual(['signing', 'key encipherment', 'server auth', 'client auth']);
    expect(p.expiryString).toBe('8760h');
    expect(p.expiry).toBe(8760n * 3_600_000_000_000n);
    expect({ ...p, usages: [], expiryString: '', expiry: 0n }).toEqual(zeroSigningProfile());
  });

  it('returns a fresh object each time', () => {
    const a = builtinDefaultProfile();
    a.usages.push('x');
    expect(builtinDefaultProfile().usages).toHaveLength(4);
  });
});
