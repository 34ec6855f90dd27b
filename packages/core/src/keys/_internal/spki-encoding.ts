// SubjectPublicKeyInfo as Go x509.MarshalPKIXPublicKey writes it (RFC 5280 §4.1.2.7, RFC 3279, RFC 5480, RFC 8410).
import { DER_NULL, concatBytes, derBitString, derInteger, derOid, derSequence } from '../../der/der-writer.js';
import type { CurveParameters } from './named-curves.js';
import { bytesFromBigint } from './big-integer-bytes.js';
import { OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION } from './key-oids.js';

/** The SPKI and the contents of its subjectPublicKey BIT STRING. */
export interface EncodedSpki {
  spki: Uint8Array;
  publicKeyBits: Uint8Array;
}

function spkiOf(algorithmIdentifier: Uint8Array, publicKeyBits: Uint8Array): EncodedSpki {
  return { spki: derSequence([algorithmIdentifier, derBitString(publicKeyBits)]), publicKeyBits };
}

/** rsaEncryption with NULL parameters around RSAPublicKey { n, e } (RFC 8017 A.1.1). */
export function encodeRsaSpki(n: bigint, e: bigint): EncodedSpki {
  return spkiOf(derSequence([derOid(OID_RSA_ENCRYPTION), DER_NULL]), derSequence([derInteger(n), derInteger(e)]));
}

/** id-ecPublicKey with the namedCurve OID around the uncompressed point (SEC 1 §2.3.3, Go elliptic.Marshal). */
export function encodeEcSpki(curve: CurveParameters, x: bigint, y: bigint): EncodedSpki {
  const point = concatBytes([Uint8Array.of(0x04), bytesFromBigint(x, curve.byteLength), bytesFromBigint(y, curve.byteLength)]);
  return spkiOf(derSequence([derOid(OID_EC_PUBLIC_KEY), derOid(curve.oid)]), point);
}

/** The same, from an uncompressed point already checked to be well formed and on the curve. */
export function encodeEcSpkiFromPoint(curve: CurveParameters, point: Uint8Array): EncodedSpki {
  return spkiOf(derSequence([derOid(OID_EC_PUBLIC_KEY), derOid(curve.oid)]), point.slice());
}

/** id-Ed25519 without parameters around the 32-byte public key (RFC 8410 §4). */
export function encodeEd25519Spki(publicKey: Uint8Array): EncodedSpki {
  return spkiOf(derSequence([derOid(OID_ED25519)]), publicKey);
}
