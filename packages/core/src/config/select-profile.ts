// cfssl signer.Profile(): the profile a sign request uses.
import { CfsslError } from '../errors/cfssl-error.js';
import { goQuote } from '../go/strconv-quote.js';
import type { SigningPolicy, SigningProfile } from './signing-policy.js';

/** Options of {@link selectProfile}. */
export interface SelectProfileOptions {
  /** Refuse a non-empty name the policy does not define (ERR_POLICY 5400) instead of falling back. */
  strict?: boolean;
}

/**
 * The named profile, or the default profile when `name` is empty or absent or not a profile (cfssl's local
 * signer silently falls back; an unknown name is not an error unless `strict`).
 *
 * @example selectProfile(policy, 'www') // policy.profiles.get('www') ?? policy.defaultProfile
 * @example selectProfile(policy, 'wwww', { strict: true }) // throws CfsslError ERR_POLICY 5400
 */
export function selectProfile(policy: SigningPolicy, name = '', options: SelectProfileOptions = {}): SigningProfile {
  if (name === '') return policy.defaultProfile;
  const named = policy.profiles.get(name);
  if (named) return named;
  if (options.strict) throw new CfsslError('ERR_POLICY', 5400, `Unknown policy profile ${goQuote(name)}`);
  return policy.defaultProfile;
}
