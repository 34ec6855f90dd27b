// cfssl initca.CAPolicy: the profile a new self-signed root is issued under (reference §5.12).
import type { SigningPolicy, SigningProfile } from '../config/signing-policy.js';
import { zeroSigningProfile } from '../config/builtin-default-profile.js';

const HOUR_NS = 3_600_000_000_000n;

/** A local profile with cfssl's zero values, overridden by `fields`. */
export function localProfile(fields: Partial<SigningProfile>): SigningProfile {
  return { ...zeroSigningProfile(), ...fields };
}

/** cfssl's CA default: usages cert sign + crl sign, 43800h, CA:TRUE. */
export function caProfile(): SigningProfile {
  return localProfile({
    usages: ['cert sign', 'crl sign'],
    expiryString: '43800h',
    expiry: 43800n * HOUR_NS,
    caConstraint: { isCa: true, maxPathLen: 0, maxPathLenZero: false },
  });
}

/** A policy holding only `profile` as its default. */
export function policyOf(profile: SigningProfile): SigningPolicy {
  return {
    defaultProfile: profile,
    defaultIsBuiltin: false,
    profiles: new Map(),
    authKeys: new Map(),
    remotes: new Map(),
  };
}
