// cfssl signer.FillTemplate validity rules (reference §5.7).
import type { SigningProfile } from '../config/signing-policy.js';
import { CfsslError } from '../errors/cfssl-error.js';

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

/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the range a GeneralizedTime can hold (RFC 5280 §4.1.2.5.2). */
const YEAR_0_MS = -62167219200000;
const YEAR_10000_MS = 253402300800000;

/**
 * notBefore = profile not_before, else round(now) − backdate (profile `backdate` or 5 min);
 * notAfter = profile not_after, else notBefore + expiry (profile expiry, or the default's when 0).
 * A window outside the years 0000–9999 is refused: X.509 cannot encode it.
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
  const notAfter = requested.notAfter ?? (profile.notAfter !== null ? profile.notAfter : notBefore + durationToMs(expiry));
  for (const [field, ms] of [
    ['not_before', notBefore],
    ['not_after', notAfter],
  ] as const) {
    if (ms < YEAR_0_MS || ms >= YEAR_10000_MS) {
      // Go asn1 appendGeneralizedTime refuses years outside 0..9999; x509.CreateCertificate's error is 1000 in cfssl.
      const when = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(ms);
      throw new CfsslError(
        'ERR_CERTIFICATE',
        1000,
        `asn1: structure error: cannot represent time as GeneralizedTime (${field} ${when} is outside the years 0000 to 9999)`,
      );
    }
  }
  return { notBefore, notAfter };
}
