import { describe, expect, it } from 'vitest';
import { builtinDefaultProfile, zeroSigningProfile } from './builtin-default-profile.js';
import { validateProfile } from './validate-profile.js';

describe('validateProfile (cfssl validProfile)', () => {
  const local = { ...zeroSigningProfile(), expiry: 1n };
  const paths = (p: Parameters<typeof validateProfile>[0], isDefault: boolean): string[] =>
    validateProfile(p, isDefault, isDefault ? 'signing.default' : 'signing.profiles.www').map((f) => f.path);

  it('local profiles', () => {
    expect(paths(builtinDefaultProfile(), true)).toEqual([]);
    expect(paths({ ...local, usages: [] }, true)).toEqual([]);
    expect(paths({ ...local, expiry: 0n }, true)).toEqual(['signing.default.expiry']);
    expect(paths({ ...local, usages: [] }, false)).toEqual(['signing.profiles.www.usages']);
    expect(paths({ ...local, usages: ['x', 'y'] }, false)).toEqual(['signing.profiles.www.usages']);
    expect(paths({ ...local, usages: ['x', 'signing'], expiry: 0n }, false)).toEqual([]);
    expect(paths({ ...local, lintErrorLevel: 8 }, true)).toEqual(['signing.default.lint_error_level']);
  });

  it('reports every problem, each with its message', () => {
    expect(validateProfile({ ...local, usages: ['x', 'y'], lintErrorLevel: -1 }, false, 'signing.profiles.www')).toEqual([
      { path: 'signing.profiles.www.usages', message: 'invalid local profile: no valid usages' },
      { path: 'signing.profiles.www.lint_error_level', message: 'invalid lint_error_level -1: want 0 to 7' },
    ]);
    expect(validateProfile({ ...local, usages: [] }, false, 'signing.profiles.www')).toEqual([
      { path: 'signing.profiles.www.usages', message: 'invalid local profile: no usages specified' },
    ]);
    expect(validateProfile({ ...local, expiry: 0n }, true, 'signing.default')).toEqual([
      { path: 'signing.default.expiry', message: 'invalid local profile: no expiry set' },
    ]);
  });

  it('remote profiles', () => {
    const remote = { ...zeroSigningProfile(), remoteName: 'r', remoteServer: 'h:1' };
    expect(paths(remote, false)).toEqual([]);
    expect(paths({ ...remote, remoteServer: '' }, false)).toEqual(['signing.profiles.www.remote']);
    expect(paths({ ...remote, authKeyName: 'k' }, false)).toEqual(['signing.profiles.www.auth_key']);
    expect(paths({ ...remote, authKeyName: 'k', authKey: new Uint8Array(1) }, false)).toEqual([]);
    expect(paths({ ...remote, authRemote: { remoteName: 'r', authKeyName: '' } }, false)).toEqual(['signing.profiles.www.auth_remote']);
    const authRemote = { ...zeroSigningProfile(), authRemote: { remoteName: 'r', authKeyName: 'k' }, remoteServer: 'h:1' };
    expect(paths(authRemote, true)).toEqual(['signing.default.auth_remote.auth_key']);
    expect(paths({ ...authRemote, remoteAuthKey: new Uint8Array(1) }, true)).toEqual([]);
    expect(paths({ ...authRemote, remoteAuthKey: new Uint8Array(1), remoteServer: '' }, true)).toEqual([
      'signing.default.auth_remote.remote',
    ]);
    expect(paths({ ...local, authRemote: { remoteName: '', authKeyName: 'k' } }, true)).toEqual(['signing.default.auth_remote.auth_key']);
  });
});
