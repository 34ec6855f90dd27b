// A minimal DER writer (X.690 §10) for the issuance hot path: TLV building without object models.
import { signedIntegerContent } from './der-primitives.js';

/** ASN.1 universal tags used by cfssl's outputs. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

const textEncoder = new TextEncoder();

/** Concatenate byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function headerLength(len: number): number {
  return len < 0x80 ? 2 : len < 0x100 ? 3 : len < 0x10000 ? 4 : len < 0x1000000 ? 5 : 6;
}

// Writes tag and definite length (DER minimal form) at the start of `out`; returns the header size.
function writeHeader(out: Uint8Array, tag: number, len: number): number {
  const hl = headerLength(len);
  out[0] = tag;
  if (hl === 2) {
    out[1] = len;
  } else {
    const n = hl - 2;
    out[1] = 0x80 | n;
    for (let i = 0; i < n; i++) out[2 + i] = (len >>> (8 * (n - 1 - i))) & 0xff;
  }
  return hl;
}

/** Encode one TLV with a single-byte tag (X.690 §8.1; definite length, DER minimal form). */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const out = new Uint8Array(headerLength(content.length) + content.length);
  out.set(content, writeHeader(out, tag, content.length));
  return out;
}

// TLV whose content is the concatenation of `parts` (written once, without an intermediate copy).
function tlvOf(tag: number, parts: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(headerLength(len) + len);
  let off = writeHeader(out, tag, len);
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export function derSequence(parts: readonly Uint8Array[]): Uint8Array {
  return tlvOf(TAG.SEQUENCE, parts);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** SET OF with members sorted by their encodings (X.690 §11.6; Go encoding/asn1 setEncoder). */
export function derSetOf(members: readonly Uint8Array[]): Uint8Array {
  return tlvOf(TAG.SET, [...members].sort(compareBytes));
}

/** INTEGER from a non-negative bigint or number (X.690 §8.3, minimal two's complement). */
export function derInteger(value: bigint | number): Uint8Array {
  const v = BigInt(value);
  if (v < 0n) throw new RangeError('derInteger: negative values are not used by cfssl outputs');
  return tlv(TAG.INTEGER, signedIntegerContent(v));
}

/** INTEGER from unsigned big-endian magnitude bytes (leading zeros stripped, sign byte added). */
export function derUnsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const body = magnitude.subarray(start);
  if (body.length === 0) return tlv(TAG.INTEGER, Uint8Array.of(0));
  if (body[0]! & 0x80) return tlv(TAG.INTEGER, concatBytes([Uint8Array.of(0), body]));
  return tlv(TAG.INTEGER, body);
}

export function derBoolean(value: boolean): Uint8Array {
  return tlv(TAG.BOOLEAN, Uint8Array.of(value ? 0xff : 0x00));
}

export const DER_NULL: Uint8Array = Uint8Array.of(0x05, 0x00);

export function derOctetString(content: Uint8Array): Uint8Array {
  return tlv(TAG.OCTET_STRING, content);
}

/** BIT STRING with the given number of unused bits in the last octet (X.690 §8.6). */
export function derBitString(content: Uint8Array, unusedBits = 0): Uint8Array {
  return tlv(TAG.BIT_STRING, concatBytes([Uint8Array.of(unusedBits), content]));
}

const oidCache = new Map<string, Uint8Array>();

/** Go encoding/asn1's refusal of an OID it cannot marshal (isValidObjectIdentifier). */
export const INVALID_OID_MESSAGE = 'asn1: structure error: invalid object identifier';

/**
 * Whether Go's encoding/asn1 marshals `dotted`: at least two arcs of decimal digits, the first at most 2,
 * the second below 40 under arcs 0 and 1 (X.690 §8.19.4). Exact integers: no arc is rounded.
 */
export function isMarshalableOid(dotted: string): boolean {
  const parts = dotted.split('.');
  if (parts.length < 2 || !parts.every((a) => /^\d+$/.test(a))) return false;
  const first = BigInt(parts[0]!);
  return first <= 2n && (first === 2n || BigInt(parts[1]!) < 40n);
}

/** The content octets of an OBJECT IDENTIFIER (X.690 §8.19); throws Go's text for one Go would not marshal. */
export function oidContent(dotted: string): Uint8Array {
  if (!isMarshalableOid(dotted)) throw new RangeError(INVALID_OID_MESSAGE);
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const out: number[] = [];
  const push = (arc: bigint): void => {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  push(arcs[0]! * 40n + arcs[1]!);
  for (const arc of arcs.slice(2)) push(arc);
  return Uint8Array.from(out);
}

/** OBJECT IDENTIFIER from dotted notation (cached: OIDs repeat on every certificate). */
export function derOid(dotted: string): Uint8Array {
  let cached = oidCache.get(dotted);
  if (!cached) {
    cached = tlv(TAG.OID, oidContent(dotted));
    oidCache.set(dotted, cached);
  }
  return cached;
}

export function derUtf8String(value: string): Uint8Array {
  return tlv(TAG.UTF8_STRING, textEncoder.encode(value));
}

export function derIa5String(value: string): Uint8Array {
  return tlv(TAG.IA5_STRING, textEncoder.encode(value));
}

/** Context-specific tag number `n`, constructed (EXPLICIT or IMPLICIT over a constructed type). */
export function derContextConstructed(n: number, parts: readonly Uint8Array[]): Uint8Array {
  return tlvOf(0xa0 | n, parts);
}

/** Context-specific tag number `n`, primitive (IMPLICIT over a primitive type). */
export function derContextPrimitive(n: number, content: Uint8Array): Uint8Array {
  return tlv(0x80 | n, content);
}

/** UTF-8 bytes of a string. */
export function utf8(value: string): Uint8Array {
  return textEncoder.encode(value);
}
