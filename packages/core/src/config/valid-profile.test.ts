import { describe, expect, it } from 'vitest';
import { builtinDefaultProfile, zeroSigningProfile } from './builtin-default-profile.js';
import { isValidProfile } from './valid-profile.js';

describe('isValidProfile (cfssl validProfile)', () => {
  const local = { ...zeroSigningProfile(), expiry: 1n };
  it('local profiles', () => {
    expect(isValidProfile(builtinDefaultProfile(), true)).toBe(true);
    expect(isValidProfile({ ...local, usages: [] }, true)).toBe(true);
    expect(isValidProfile({ ...local, expiry: 0n }, true)).toBe(false);
    expect(isValidProfile({ ...local, usages: [] }, false)).toBe(false);
    expect(isValidProfile({ ...local, usages: ['x', 'y'] }, false)).toBe(false);
    expect(isValidProfile({ ...local, usages: ['x', 'signing'], expiry: 0n }, false)).toBe(true);
    expect(isValidProfile({ ...local, lintErrorLevel: 8 }, true)).toBe(false);
  });

  it('remote profiles', () => {
    const remote = { ...zeroSigningProfile(), remoteName: 'r', remoteServer: 'h:1' };
    expect(isValidProfile(remote, false)).toBe(true);
    expect(isValidProfile({ ...remote, remoteServer: '' }, false)).toBe(false);
    expect(isValidProfile({ ...remote, authKeyName: 'k' }, false)).toBe(false);
    expect(isValidProfile({ ...remote, authKeyName: 'k', authKey: new Uint8Array(1) }, false)).toBe(true);
    const authRemote = { ...zeroSigningProfile(), authRemote: { remoteName: 'r', authKeyName: 'k' }, remoteServer: 'h:1' };
    expect(isValidProfile(authRemote, true)).toBe(false);
    expect(isValidProfile({ ...authRemote, remoteAuthKey: new Uint8Array(1) }, true)).toBe(true);
    expect(isValidProfile({ ...local, authRemote: { remoteName: '', authKeyName: 'k' } }, true)).toBe(false);
  });
});
