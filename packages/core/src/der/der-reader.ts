// A strict DER reader (X.690 §8, §10) that keeps raw slices: issuers are copied as bytes, never re-encoded.
import { minimalInteger, unsignedValue } from './der-primitives.js';

/** One decoded TLV. `raw` is the whole encoding, `content` the value octets. */
export interface DerNode {
  tag: number;
  raw: Uint8Array;
  content: Uint8Array;
}

/** Thrown for malformed DER; callers wrap it into the cfssl error of their context. */
export class DerError extends Error {
  override readonly name: string = 'DerError';
}

/** A TLV header: tag, header length and content length. */
export interface TlvHeader {
  tag: number;
  headerLength: number;
  length: number;
}

// What readTlvHeader reports; tlvHeaderCode returns the bitwise complement of an index here.
const TLV_HEADER_ERRORS = [
  'asn1: truncated tag or length',
  'asn1: high-tag-number form not supported',
  'asn1: indefinite or oversized length',
  'asn1: truncated length',
  'asn1: non-minimal length',
  'asn1: data truncated',
] as const;

/**
 * readTlvHeader without allocating, for the TLV at `offset` in buf[0, end): `length * 8 + headerLength`
 * (the tag is buf[offset]), or a negative code (~index into the complaints).
 */
export function tlvHeaderCode(buf: Uint8Array, offset: number, end: number): number {
  if (offset + 2 > end) return ~0;
  if ((buf[offset]! & 0x1f) === 0x1f) return ~1;
  const lenByte = buf[offset + 1]!;
  if ((lenByte & 0x80) === 0) return offset + 2 + lenByte > end ? ~5 : lenByte * 8 + 2;
  const n = lenByte & 0x7f;
  if (n === 0 || n > 4) return ~2;
  const pos = offset + 2;
  if (pos + n > end) return ~3;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i]!;
  if (buf[pos] === 0 || len < 0x80) return ~4;
  if (pos + n + len > end) return ~5;
  return len * 8 + 2 + n;
}

/** The header of the TLV at `offset` (single-byte tag, minimal definite length of ≤ 4 bytes, in bounds), or Go's complaint. */
export function readTlvHeader(buf: Uint8Array, offset = 0): TlvHeader | string {
  const code = tlvHeaderCode(buf, offset, buf.length);
  if (code < 0) return TLV_HEADER_ERRORS[~code]!;
  const headerLength = code % 8;
  return { tag: buf[offset]!, headerLength, length: (code - headerLength) / 8 };
}

/** Read one TLV at `offset`; returns the node and the offset after it. */
export function readTlv(buf: Uint8Array, offset = 0): { node: DerNode; next: number } {
  const h = readTlvHeader(buf, offset);
  if (typeof h === 'string') throw new DerError(h);
  const end = offset + h.headerLength + h.length;
  return { node: { tag: h.tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + h.headerLength, end) }, next: end };
}

/** Decode exactly one TLV spanning all of `buf` (trailing data is an error, like Go's x509 parsers). */
export function readSingle(buf: Uint8Array): DerNode {
  const { node, next } = readTlv(buf, 0);
  if (next !== buf.length) throw new DerError('asn1: trailing data');
  return node;
}

/** The children of a constructed node. */
export function readChildren(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let off = 0;
  while (off < node.content.length) {
    const { node: child, next } = readTlv(node.content, off);
    out.push(child);
    off = next;
  }
  return out;
}

/** Children of a node that must have `tag`. */
export function expectChildren(node: DerNode | undefined, tag: number, what: string): DerNode[] {
  if (!node || node.tag !== tag) throw new DerError(`asn1: structure error: ${what}`);
  return readChildren(node);
}

/** Decode OBJECT IDENTIFIER content to dotted form. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('asn1: empty OID');
  const arcs: bigint[] = [];
  let v = 0n;
  for (let i = 0; i < content.length; i++) {
    const b = content[i]!;
    if (v === 0n && b === 0x80) throw new DerError('asn1: non-minimal OID arc');
    v = (v << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0n;
    } else if (i === content.length - 1) {
      throw new DerError('asn1: truncated OID');
    }
  }
  const first = arcs[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

// X.690 §8.3.2: the first nine bits of a multi-byte INTEGER are not all equal (Go checkInteger).
function checkMinimalInteger(content: Uint8Array): void {
  if (content.length === 0) throw new DerError('asn1: empty integer');
  if (!minimalInteger(content)) throw new DerError('asn1: structure error: integer not minimally-encoded');
}

/** Decode a non-negative INTEGER content to bigint (negative values rejected). */
export function decodeUnsignedInteger(content: Uint8Array): bigint {
  checkMinimalInteger(content);
  if (content[0]! & 0x80) throw new DerError('asn1: negative integer');
  return unsignedValue(content);
}
