// What the two CRL endpoints (gencrl, crl) share: cfssl's default lifetime and its reading of serials.

/** cfssl's default CRL lifetime (gencrl without expireTime, crl without `?expiry=`): one week. */
export const ONE_WEEK_MS = 604_800_000;

/** big.Int SetString(value, 10) as cfssl calls it: a serial that does not parse is left at 0. */
export const decimalSerial = (value: string): bigint => (/^[+-]?\d+$/.test(value) ? BigInt(value) : 0n);
