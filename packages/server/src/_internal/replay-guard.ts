// Optional replay protection for authsign (a cfssl-ts extension): cfssl checks neither `timestamp` nor repeats (§6.4).
import { apiError } from './api-error.js';

/** Refuses authenticated requests that are stale or already seen. */
export interface ReplayGuard {
  /**
   * After the token verified: `timestamp` (unix seconds; 0 = absent) must be within the window of now, and the
   * token must not have been accepted within the window. Throws 400 otherwise; else remembers the token.
   */
  check(timestamp: number, token: Uint8Array): void;
}

/**
 * A guard with a window of `maxAgeMs` either side of `now()`. A token is remembered for twice the window: as long as
 * any timestamp it was accepted with could still pass. (cfssl's HMAC does not cover `timestamp`, so a captured
 * request re-sent with a new timestamp after that is not caught: TLS keeps requests from being captured.)
 */
export function createReplayGuard(maxAgeMs: number, now: () => number): ReplayGuard {
  // Insertion order is expiry order: the oldest entries are pruned from the front.
  const seen = new Map<string, number>();
  return {
    check(timestamp, token) {
      const t = now();
      for (const [key, expires] of seen) {
        if (expires > t) break;
        seen.delete(key);
      }
      if (timestamp === 0) throw apiError(400, 'authenticated request has no timestamp');
      if (Math.abs(t - timestamp * 1000) > maxAgeMs) throw apiError(400, 'authenticated request timestamp is outside the allowed window');
      const key = Buffer.from(token).toString('base64');
      if (seen.has(key)) throw apiError(400, 'authenticated request replayed: token already used');
      seen.set(key, t + 2 * maxAgeMs);
    },
  };
}
