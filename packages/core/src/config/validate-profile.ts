// cfssl SigningProfile.validProfile() (config/config.go, 1.6.5), run by Config.Valid() after populate.
import type { ConfigFinding, SigningProfile } from './signing-policy.js';
import { resolveUsages } from './usages.js';

/**
 * cfssl `validProfile(isDefault)`, reporting every failed check instead of the first: remote profiles
 * need their resolved server (and auth keys when named); a local non-default profile needs at least
 * one recognised usage; the local default profile needs a non-zero expiry; `lint_error_level` must be
 * in [0, 8). `path` is the profile's dot path; an empty list means cfssl accepts the profile. Messages
 * are the texts cfssl logs at debug level for the same checks.
 *
 * @example validateProfile({ ...profile, usages: [] }, false, 'signing.profiles.www') // [{ path: 'signing.profiles.www.usages', message: 'invalid local profile: no usages specified' }]
 */
export function validateProfile(p: SigningProfile, isDefault: boolean, path: string): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const fail = (key: string, message: string): void => void findings.push({ path: `${path}.${key}`, message });
  if (p.authRemote.remoteName === '' && p.authRemote.authKeyName !== '')
    fail('auth_remote.auth_key', 'invalid auth remote profile: no remote signer specified');
  if (p.remoteName !== '') {
    if (p.remoteServer === '') fail('remote', 'invalid remote profile: no remote signer specified');
    if (p.authKeyName !== '' && p.authKey === null)
      fail('auth_key', 'invalid remote profile: auth key name is defined but no auth provider is set');
    if (p.authRemote.remoteName !== '') fail('auth_remote', 'invalid remote profile: auth remote is also specified');
  } else if (p.authRemote.remoteName !== '') {
    if (p.remoteServer === '') fail('auth_remote.remote', 'invalid auth remote profile: no remote signer specified');
    if (p.authRemote.authKeyName === '' || p.remoteAuthKey === null)
      fail('auth_remote.auth_key', 'invalid auth remote profile: no auth key is defined');
  } else if (!isDefault) {
    if (p.usages.length === 0) fail('usages', 'invalid local profile: no usages specified');
    else if (resolveUsages(p.usages).unknown.length === p.usages.length) fail('usages', 'invalid local profile: no valid usages');
  } else if (p.expiry === 0n) {
    fail('expiry', 'invalid local profile: no expiry set');
  }
  if (!(p.lintErrorLevel >= 0 && p.lintErrorLevel < 8))
    fail('lint_error_level', `invalid lint_error_level ${p.lintErrorLevel}: want 0 to 7`);
  return findings;
}
