// ECDSA signature forms: X.509's DER SEQUENCE { r, s } and WebCrypto's fixed-size r || s (RFC 3279 §2.2.3).
import { ecdsaDerFromRaw, ecdsaRawFromDer } from './_internal/ecdsa-signature-format.js';
import { curveByName } from './_internal/named-curves.js';
import type { NamedCurve } from './key-pair.js';

/** DER signature → r || s for `curve`, or null when it is not strict DER (Go's rules) or out of range. */
export function ecdsaSignatureToRaw(der: Uint8Array, curve: NamedCurve): Uint8Array | null {
  return ecdsaRawFromDer(der, curveByName(curve)!.byteLength);
}

/** r || s → DER SEQUENCE { r, s } with minimal INTEGERs. */
export function ecdsaSignatureToDer(raw: Uint8Array): Uint8Array {
  return ecdsaDerFromRaw(raw);
}
