// cfssl local signer serial numbers: 20 random bytes, top bit cleared (RFC 5280 §4.1.2.2; reference §5.6).
import { unsignedValue } from '../der/der-primitives.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { quoteExcerpt } from '../errors/quote-excerpt.js';
import type { RandomSource } from '../keys/crypto-random.js';

/** A positive serial of at most 20 bytes, drawn like cfssl's local signer (the default serial source of an issuance). */
export function randomSerialNumber(random: RandomSource): bigint {
  const bytes = random(20);
  bytes[0]! &= 0x7f;
  return unsignedValue(bytes);
}

// Digits of the largest serial below 2^159: 48 decimal (7.3e47), 40 hex; more significant digits never fit.
const MAX_SERIAL_DIGITS = 48;

/**
 * Parse a serial given as decimal or 0x-hex (the `--serial` replay flag). Errors quote the input
 * bounded (`quoteExcerpt`); a text too long for any 20-byte serial is refused before conversion.
 */
export function parseSerialNumber(text: string): bigint {
  const t = text.trim();
  if (!/^(0[xX][0-9a-fA-F]+|\d+)$/.test(t)) {
    throw new CfsslError('ERR_INPUT', 0, `invalid serial number ${quoteExcerpt(text)}: want decimal or 0x-prefixed hex`);
  }
  const v = t.replace(/^(0[xX])?0*/, '').length > MAX_SERIAL_DIGITS ? 1n << 159n : BigInt(t);
  if (v <= 0n || v >= 1n << 159n) {
    throw new CfsslError('ERR_INPUT', 0, `invalid serial number ${quoteExcerpt(text)}: must be positive and at most 20 bytes`);
  }
  return v;
}
