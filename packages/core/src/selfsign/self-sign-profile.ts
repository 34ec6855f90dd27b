// cfssl 1.6 cli/selfsign profile choice: -profile from the config, else the config's default, else
// the built-in default with a three-month expiry (reference §2.5).
import { builtinDefaultProfile } from '../config/builtin-default-profile.js';
import type { SigningPolicy, SigningProfile } from '../config/signing-policy.js';

const SELF_SIGN_EXPIRY_NS = 2190n * 3_600_000_000_000n;

/**
 * The profile `cfssl selfsign` signs with. With a config (`policy` non-null): the named profile if it
 * exists, otherwise the config's default (cfssl's built-in 8760h default when the config has none).
 * Without a config: the built-in default profile with expiry 2190h.
 *
 * @example
 * selectSelfSignProfile(null, '').expiryString // '2190h'
 */
export function selectSelfSignProfile(policy: SigningPolicy | null, name: string): SigningProfile {
  if (policy !== null) return (name !== '' ? policy.profiles.get(name) : undefined) ?? policy.defaultProfile;
  return { ...builtinDefaultProfile(), expiryString: '2190h', expiry: SELF_SIGN_EXPIRY_NS };
}
