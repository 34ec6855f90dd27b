// cfssl SigningProfile.validProfile() (config/config.go, 1.6.5), run by Config.Valid() after populate.
import type { ConfigFinding, SigningProfile } from './signing-policy.js';
import { resolveUsages } from './usages.js';

/**
 * cfssl `validProfile(isDefault)`, reporting every failed check instead of the first: remote profiles
 * need their resolved server (and auth keys when named); a local non-default profile needs at least
 * one recognised usage; the local default profile needs a non-zero expiry; `lint_error_level` must be
 * in [0, 8). `path` is the profile's dot path; an empty list means cfssl accepts the profile.
 *
 * @example validateProfile({ ...profile, usages: [] }, false, 'signing.profiles.www') // [{ path: 'signing.profiles.www.usages', message: 'no usages: ...' }]
 */
export function validateProfile(p: SigningProfile, isDefault: boolean, path: string): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const fail = (key: string, message: string): void => void findings.push({ path: `${path}.${key}`, message });
  if (p.authRemote.remoteName === '' && p.authRemote.authKeyName !== '') fail('auth_remote.auth_key', 'auth_remote names an auth_key but no remote');
  if (p.remoteName !== '') {
    if (p.remoteServer === '') fail('remote', `remote ${JSON.stringify(p.remoteName)} resolves to no server`);
    if (p.authKeyName !== '' && p.authKey === null) fail('auth_key', `auth_key ${JSON.stringify(p.authKeyName)} resolves to no key`);
    if (p.authRemote.remoteName !== '') fail('auth_remote', 'a profile cannot have both remote and auth_remote');
  } else if (p.authRemote.remoteName !== '') {
    if (p.remoteServer === '') fail('auth_remote.remote', `remote ${JSON.stringify(p.authRemote.remoteName)} resolves to no server`);
    if (p.authRemote.authKeyName === '' || p.remoteAuthKey === null) fail('auth_remote.auth_key', 'auth_remote needs an auth_key from auth_keys');
  } else if (!isDefault) {
    if (p.usages.length === 0) fail('usages', 'no usages: a named local profile needs at least one');
    else if (resolveUsages(p.usages).unknown.length === p.usages.length) fail('usages', `no recognised usage among ${JSON.stringify(p.usages)}`);
  } else if (p.expiry === 0n) {
    fail('expiry', 'the default profile needs a non-zero expiry');
  }
  if (!(p.lintErrorLevel >= 0 && p.lintErrorLevel < 8)) fail('lint_error_level', `must be between 0 and 7, not ${p.lintErrorLevel}`);
  return findings;
}
