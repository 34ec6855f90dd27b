// cfssl 1.6 crl.NewCRLFromFile: the TIME argument, strconv.ParseInt(s, 0, 32) seconds (reference §2.10).
import { parseGoInt } from '../go/strconv-parse-int.js';

const ONE_WEEK_SECONDS = 604_800;

/**
 * The CRL lifetime in seconds from cfssl's TIME argument: Go `strconv.ParseInt(TIME, 0, 32)`, where
 * 0 means one week (604800 s). Negative values are accepted (a nextUpdate in the past), as in cfssl.
 *
 * @example
 * crlLifetimeSeconds('0x10') // 16
 * crlLifetimeSeconds('0') // 604800
 */
export function crlLifetimeSeconds(text: string): number {
  const seconds = Number(parseGoInt(text, 32));
  return seconds === 0 ? ONE_WEEK_SECONDS : seconds;
}
