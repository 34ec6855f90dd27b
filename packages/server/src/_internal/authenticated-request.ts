// cfssl auth.AuthenticatedRequest and its check against a profile's keys (reference §6.4): shared by serve's
// authsign and multirootca's.
import type { SigningProfile } from '@cfssl-ts/core';
import { goBytesType, goField, goIntType, goStructType, type GoValue } from '@cfssl-ts/core/go';
import { verifyStandardToken } from '../verify-standard-token.js';

/** The Go type of auth.AuthenticatedRequest. */
export const AUTHENTICATED_REQUEST = goStructType('auth.AuthenticatedRequest', [
  goField('Timestamp', goIntType('int64'), 'timestamp'),
  goField('RemoteAddress', goBytesType(), 'remote_address'),
  goField('Token', goBytesType(), 'token'),
  goField('Request', goBytesType(), 'request'),
]);

/** A decoded auth.AuthenticatedRequest. */
export type AuthenticatedRequest = GoValue<typeof AUTHENTICATED_REQUEST>;

/** The profile's provider verifies the token, else (1.6) its previous one (`prev_auth_key`). */
export function tokenMatchesProfile(profile: SigningProfile, request: Uint8Array, token: Uint8Array | null): boolean {
  if (profile.authKey === null) return false;
  return (
    verifyStandardToken(profile.authKey, request, token) ||
    (profile.prevAuthKey !== null && verifyStandardToken(profile.prevAuthKey, request, token))
  );
}
