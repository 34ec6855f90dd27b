// cfssl signer.Profile(): the profile a sign request uses.
import type { SigningPolicy, SigningProfile } from './signing-policy.js';

/**
 * The named profile, or the default profile when `name` is empty or not a profile (cfssl's local
 * signer silently falls back; an unknown name is not an error).
 *
 * @example selectProfile(policy, 'www') // policy.profiles.get('www') ?? policy.defaultProfile
 */
export function selectProfile(policy: SigningPolicy, name: string): SigningProfile {
  return (name !== '' ? policy.profiles.get(name) : undefined) ?? policy.defaultProfile;
}
