import { describe, expect, it } from 'vitest';
import { builtinDefaultProfile } from './builtin-default-profile.js';
import { selectProfile } from './select-profile.js';
import type { SigningPolicy } from './signing-policy.js';

describe('selectProfile (reference §3.8)', () => {
  const named = { ...builtinDefaultProfile(), expiryString: '1h' };
  const empty = { ...builtinDefaultProfile(), expiryString: '2h' };
  const policy: SigningPolicy = {
    defaultProfile: builtinDefaultProfile(),
    defaultIsBuiltin: true,
    profiles: new Map([
      ['www', named],
      ['', empty],
    ]),
    authKeys: new Map(),
    remotes: new Map(),
  };

  it('uses the named profile, and the default for unknown or empty names', () => {
    expect(selectProfile(policy, 'www')).toBe(named);
    expect(selectProfile(policy, 'nope')).toBe(policy.defaultProfile);
    expect(selectProfile(policy, '')).toBe(policy.defaultProfile);
  });
});
