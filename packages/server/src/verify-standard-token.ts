// cfssl auth.Standard.Verify: HMAC-SHA256 over the request bytes, compared in constant time (reference §6.4).
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * True when `token` is HMAC-SHA256(`key`, `request`) (cfssl's "standard" provider, no additional data).
 * The comparison takes the same time wherever the bytes differ; a token of another length is refused.
 *
 * @example verifyStandardToken(key, requestBytes, tokenBytes) // true or false
 */
export function verifyStandardToken(key: Uint8Array, request: Uint8Array, token: Uint8Array | null): boolean {
  const expected = createHmac('sha256', key).update(request).digest();
  if (token === null || token.length !== expected.length) return false;
  return timingSafeEqual(expected, token);
}
