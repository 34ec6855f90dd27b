// INTEGER of any sign in minimal two's complement (X.690 §8.3), as Go encoding/asn1 marshals *big.Int.
import { TAG, tlv } from '../../der/der-writer.js';

/** DER INTEGER for `value` (negative serials included, as Go writes them). */
export function derSignedInteger(value: bigint): Uint8Array {
  const bytes: number[] = [];
  if (value >= 0n) {
    let v = value;
    do {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v > 0n);
    if (bytes[0]! & 0x80) bytes.unshift(0);
  } else {
    // Two's complement: the shortest width whose top bit is set.
    let width = 1;
    while (-(1n << BigInt(width * 8 - 1)) > value) width++;
    let v = (1n << BigInt(width * 8)) + value;
    for (let i = 0; i < width; i++) {
      bytes.unshift(Number(v & 0xffn));
      v >>= 8n;
    }
  }
  return tlv(TAG.INTEGER, Uint8Array.from(bytes));
}
