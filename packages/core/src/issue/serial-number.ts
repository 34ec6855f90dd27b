// cfssl local signer serial numbers: 20 random bytes, top bit cleared (RFC 5280 §4.1.2.2; reference §5.6).
import { CfsslError } from '../errors/cfssl-error.js';

/** A source of random bytes (injectable for reproducible output). */
export type RandomSource = (length: number) => Uint8Array;

const POOL_SIZE = 4096;
const pools = new WeakMap<Crypto, { bytes: Uint8Array; offset: number }>();

/** The platform CSPRNG as a RandomSource (drawn in 4 KiB batches: one call per ~200 serials). */
export function cryptoRandom(crypto: Crypto = globalThis.crypto): RandomSource {
  return (length) => {
    if (length > POOL_SIZE) return crypto.getRandomValues(new Uint8Array(length));
    let pool = pools.get(crypto);
    if (!pool || pool.offset + length > POOL_SIZE) {
      pool = { bytes: crypto.getRandomValues(new Uint8Array(POOL_SIZE)), offset: 0 };
      pools.set(crypto, pool);
    }
    // A copy: callers may modify what they get (the serial clears its top bit).
    const out = pool.bytes.slice(pool.offset, pool.offset + length);
    pool.bytes.fill(0, pool.offset, pool.offset + length);
    pool.offset += length;
    return out;
  };
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
    throw new CfsslError('ERR_INPUT', 0, `invalid serial number ${JSON.stringify(text)}: want decimal or 0x-prefixed hex`);
  }
  const v = BigInt(t);
  if (v <= 0n || v >= 1n << 159n) {
    throw new CfsslError('ERR_INPUT', 0, `invalid serial number ${JSON.stringify(text)}: must be positive and at most 20 bytes`);
  }
  return v;
}
