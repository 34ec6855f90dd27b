// Go asn1 parseGeneralizedTime for the UTC form OCSP uses: YYYYMMDDHHMMSS[.fff]Z (RFC 6960 §4.2.2.1, X.690 §11.7).
import { DerError } from '../../der/der-reader.js';

/** ms since epoch of a GeneralizedTime's content; DerError when it is not the UTC form. */
export function parseGeneralizedTime(content: Uint8Array): number {
  const text = new TextDecoder().decode(content);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  if (!m) throw new DerError(`asn1: time did not serialize back to the original value and may be invalid: given "${text}"`);
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms);
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new DerError(`parsing time "${text}": day out of range`);
  }
  return ms + (frac ? Math.floor(Number(`0${frac}`) * 1000) : 0);
}
