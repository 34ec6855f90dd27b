// keyUsage BIT STRING as Go x509.marshalKeyUsage: bits reversed per byte, unused trailing bits counted (RFC 5280 §4.2.1.3).
import { derBitString } from '../der/der-writer.js';

/** Go x509.KeyUsage bit values. */
export const KEY_USAGE = {
  digitalSignature: 1 << 0,
  contentCommitment: 1 << 1,
  keyEncipherment: 1 << 2,
  dataEncipherment: 1 << 3,
  keyAgreement: 1 << 4,
  certSign: 1 << 5,
  crlSign: 1 << 6,
  encipherOnly: 1 << 7,
  decipherOnly: 1 << 8,
} as const;

function reverseBits(b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
  return r;
}

const memo = new Map<number, Uint8Array>();

/** DER of the keyUsage extension value for Go KeyUsage flags (memoised: profiles repeat a handful of values). */
export function encodeKeyUsage(flags: number): Uint8Array {
  let cached = memo.get(flags);
  if (!cached) {
    cached = computeKeyUsage(flags);
    memo.set(flags, cached);
  }
  return cached;
}

function computeKeyUsage(flags: number): Uint8Array {
  const bytes = [reverseBits(flags & 0xff), reverseBits((flags >> 8) & 0xff)];
  const used = bytes[1] !== 0 ? 2 : 1;
  const content = Uint8Array.from(bytes.slice(0, used));
  // Go asn1BitLength: trailing zero bits of the last byte are unused.
  let unused = 0;
  const last = content[used - 1]!;
  if (last === 0)
    unused = 0; // KU 0 is never encoded (extension omitted)
  else while (!(last & (1 << unused))) unused++;
  return derBitString(content, unused);
}
