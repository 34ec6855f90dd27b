// cfssl signer.FillTemplate validity rules (reference §5.7).
import type { SigningProfile } from '../config/signing-policy.js';

const MINUTE_MS = 60_000;
const DEFAULT_BACKDATE_MS = 5 * MINUTE_MS;

/** Go time.Duration (ns) to milliseconds, truncated toward zero. */
export function durationToMs(ns: bigint): number {
  return Number(ns / 1_000_000n);
}

// Go Time.Round(time.Minute): nearest minute, halfway rounds up (away from zero).
function roundToMinute(ms: number): number {
  return Math.floor((ms + MINUTE_MS / 2) / MINUTE_MS) * MINUTE_MS;
}

/** The validity window of a certificate. */
export interface Validity {
  notBefore: number;
  notAfter: number;
}

/**
 * notBefore = profile not_before, else round(now) − backdate (profile `backdate` or 5 min);
 * notAfter = profile not_after, else notBefore + expiry (profile expiry, or the default's when 0).
 */
export function computeValidity(
  profile: SigningProfile,
  defaultProfile: SigningProfile,
  now: number,
  requested: { notBefore?: number | null; notAfter?: number | null } = {},
): Validity {
  const expiry = profile.expiry !== 0n ? profile.expiry : defaultProfile.expiry;
  let notBefore: number;
  if (requested.notBefore != null) {
    // 1.6 library: a request NotBefore is used as is (no backdating).
    notBefore = requested.notBefore;
  } else if (profile.notBefore !== null) {
    notBefore = profile.notBefore;
  } else {
    const backdate = profile.backdate !== 0n ? durationToMs(profile.backdate) : DEFAULT_BACKDATE_MS;
    notBefore = roundToMinute(now) - backdate;
  }
  const notAfter =
    requested.notAfter ?? (profile.notAfter !== null ? profile.notAfter : notBefore + durationToMs(expiry));
  return { notBefore, notAfter };
}
