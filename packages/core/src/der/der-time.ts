// X.509 Time (RFC 5280 §4.1.2.5): UTCTime for 1950-2049, GeneralizedTime otherwise (Go crypto/x509).
import { TAG, tlv, utf8 } from './der-writer.js';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Encode an instant (ms since epoch, truncated to whole seconds) as a Time. */
export function derTime(ms: number): Uint8Array {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const year = d.getUTCFullYear();
  const rest =
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2) +
    'Z';
  if (year >= 1950 && year < 2050) return tlv(TAG.UTC_TIME, utf8(pad(year % 100, 2) + rest));
  return tlv(TAG.GENERALIZED_TIME, utf8(pad(year, 4) + rest));
}

/** Encode an instant (ms since epoch, truncated to whole seconds) as a GeneralizedTime `YYYYMMDDHHMMSSZ` (Go asn1 `generalized`). */
export function derGeneralizedTime(ms: number): Uint8Array {
  const year = new Date(Math.floor(ms / 1000) * 1000).getUTCFullYear();
  // derTime's text without the two-digit year, after the four-digit one
  const utcOrGeneralized = derTime(ms);
  const text = new TextDecoder().decode(utcOrGeneralized.subarray(2));
  return tlv(TAG.GENERALIZED_TIME, utf8(pad(year, 4) + text.slice(text.length === 13 ? 2 : 4)));
}
