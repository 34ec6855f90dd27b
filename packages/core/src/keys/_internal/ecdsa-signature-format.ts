// ECDSA signatures: WebCrypto's fixed-width r||s (IEEE P1363) versus X.509's DER Ecdsa-Sig-Value (RFC 5480 §2.2.3).
import { TAG, derSequence, derUnsignedInteger } from '../../der/der-writer.js';
import { readChildren, readSingle } from '../../der/der-reader.js';
import { bytesFromBigint } from './big-integer-bytes.js';
import { integerValue } from './go-asn1.js';

/** r||s (two halves of equal width) to DER SEQUENCE { r INTEGER, s INTEGER } with minimal integers (Go ecdsa.SignASN1). */
export function ecdsaDerFromRaw(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new RangeError('r||s must have two equal halves');
  const half = raw.length / 2;
  return derSequence([derUnsignedInteger(raw.subarray(0, half)), derUnsignedInteger(raw.subarray(half))]);
}

/**
 * DER Ecdsa-Sig-Value to r||s of `size`-byte halves, or null when malformed, with Go ecdsa.VerifyASN1's
 * rules: one SEQUENCE of exactly two minimal positive INTEGERs and nothing after it.
 */
export function ecdsaRawFromDer(der: Uint8Array, size: number): Uint8Array | null {
  try {
    const seq = readSingle(der);
    if (seq.tag !== TAG.SEQUENCE) return null;
    const fields = readChildren(seq);
    if (fields.length !== 2) return null;
    const r = integerValue(fields[0], 'r');
    const s = integerValue(fields[1], 's');
    if (r <= 0n || s <= 0n) return null;
    const out = new Uint8Array(2 * size);
    out.set(bytesFromBigint(r, size), 0);
    out.set(bytesFromBigint(s, size), size);
    return out;
  } catch {
    return null;
  }
}
