// cfssl SigningProfile.validProfile() (config/config.go, 1.6.5), run by Config.Valid() after populate.
import type { SigningProfile } from './signing-policy.js';
import { resolveUsages } from './usages.js';

/**
 * cfssl `validProfile(isDefault)`: remote profiles need their resolved server (and auth keys when named);
 * a local non-default profile needs at least one recognised usage; the local default profile needs a
 * non-zero expiry; `lint_error_level` must be in [0, 8).
 *
 * @example isValidProfile(builtinDefaultProfile(), true) // true
 */
export function isValidProfile(p: SigningProfile, isDefault: boolean): boolean {
  if (p.authRemote.remoteName === '' && p.authRemote.authKeyName !== '') return false;
  if (p.remoteName !== '') {
    if (p.remoteServer === '') return false;
    if (p.authKeyName !== '' && p.authKey === null) return false;
    if (p.authRemote.remoteName !== '') return false;
  } else if (p.authRemote.remoteName !== '') {
    if (p.remoteServer === '') return false;
    if (p.authRemote.authKeyName === '' || p.remoteAuthKey === null) return false;
  } else if (!isDefault) {
    if (p.usages.length === 0) return false;
    if (resolveUsages(p.usages).unknown.length === p.usages.length) return false;
  } else if (p.expiry === 0n) {
    return false;
  }
  return p.lintErrorLevel >= 0 && p.lintErrorLevel < 8;
}
