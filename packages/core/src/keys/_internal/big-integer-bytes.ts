// Conversions between big-endian magnitudes, bigints and JWK base64url (RFC 7518 §2 Base64urlUInt).
import { unsignedBytes, unsignedValue } from '../../der/der-primitives.js';

/** Big-endian magnitude → bigint (der-primitives unsignedValue: linear, via hex). */
export const bigintFromBytes = unsignedValue;

/** Big-endian magnitude of a non-negative bigint (der-primitives unsignedBytes: linear, via hex). */
export const bytesFromBigint = unsignedBytes;

/** Go big.Int.BitLen. */
export function bitLength(value: bigint): number {
  return value <= 0n ? 0 : value.toString(2).length;
}

export function base64UrlFromBytes(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode unpadded base64url; throws RangeError on anything else. */
export function bytesFromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new RangeError('invalid base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function base64UrlFromBigint(value: bigint): string {
  return base64UrlFromBytes(bytesFromBigint(value));
}

export function bigintFromBase64Url(text: string): bigint {
  return bigintFromBytes(bytesFromBase64Url(text));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
