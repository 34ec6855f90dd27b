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

/** The header of the TLV at `offset` (single-byte tag, minimal definite length of ≤ 4 bytes, in bounds), or Go's complaint. */
export function readTlvHeader(buf: Uint8Array, offset = 0): TlvHeader | string {
  if (offset + 2 > buf.length) return 'asn1: truncated tag or length';
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) return 'asn1: high-tag-number form not supported';
  const lenByte = buf[offset + 1]!;
  if ((lenByte & 0x80) === 0) return offset + 2 + lenByte > buf.length ? 'asn1: data truncated' : { tag, headerLength: 2, length: lenByte };
  const n = lenByte & 0x7f;
  if (n === 0 || n > 4) return 'asn1: indefinite or oversized length';
  const pos = offset + 2;
  if (pos + n > buf.length) return 'asn1: truncated length';
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i]!;
  if (buf[pos] === 0 || len < 0x80) return 'asn1: non-minimal length';
  if (pos + n + len > buf.length) return 'asn1: data truncated';
  return { tag, headerLength: 2 + n, length: len };
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
