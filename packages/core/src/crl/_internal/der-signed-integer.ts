// INTEGER of any sign in minimal two's complement (X.690 §8.3), as Go encoding/asn1 marshals *big.Int.
import { signedIntegerContent } from '../../der/der-primitives.js';
import { TAG, tlv } from '../../der/der-writer.js';

/** DER INTEGER for `value` (negative serials included, as Go writes them). */
export function derSignedInteger(value: bigint): Uint8Array {
  return tlv(TAG.INTEGER, signedIntegerContent(value));
}
