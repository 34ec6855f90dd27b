// cfssl local signer serial numbers: 20 random bytes, top bit cleared (RFC 5280 §4.1.2.2; reference §5.6).
import { CfsslError } from '../errors/cfssl-error.js';

/** A source of random bytes (injectable for reproducible output). */
export type RandomSource = (length: number) => Uint8Array;

/** The platform CSPRNG as a RandomSource. */
export function cryptoRandom(crypto: Crypto = globalThis.crypto): RandomSource {
  return (length) => crypto.getRandomValues(new Uint8Array(length));
}

/** A positive serial of at most 20 bytes, drawn like cfssl's local signer. */
export function randomSerialNumber(random: RandomSource): bigint {
  const bytes = random(20);
  bytes[0]! &= 0x7f;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** Parse a serial given as decimal or 0x-hex (the `--serial` replay flag). */
export function parseSerialNumber(text: string): bigint {
  const t = text.trim();
  if (!/^(0[xX][0-9a-fA-F]+|\d+)$/.test(t)) {
    throw new CfsslError('ERR_INPUT', 0, `invalid serial number ${JSON.stringify(text)}: want decimal or 0x-prefixed hex`, { plain: true });
  }
  const v = BigInt(t);
  if (v <= 0n || v >= 1n << 159n) {
    throw new CfsslError('ERR_INPUT', 0, `invalid serial number ${JSON.stringify(text)}: must be positive and at most 20 bytes`, { plain: true });
  }
  return v;
}
