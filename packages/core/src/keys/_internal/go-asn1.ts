// Field readers with Go encoding/asn1's strictness, over the shared TLV reader (der/der-reader.ts).
import { DerError, decodeOid, readChildren, readTlv, type DerNode } from '../../der/der-reader.js';
import { bitStringValue as bitStringContent, integerValue as integerContent, minimalInteger } from '../../der/der-primitives.js';
import { TAG } from '../../der/der-writer.js';

/** Go asn1.Unmarshal: decode the first element; trailing bytes are returned to the caller, not rejected. */
export function unmarshalFirst(der: Uint8Array): { node: DerNode; rest: number } {
  const { node, next } = readTlv(der, 0);
  return { node, rest: der.length - next };
}

/** Elements of a SEQUENCE node (Go allows extra trailing elements in a struct SEQUENCE). */
export function sequenceElements(node: DerNode | undefined, what: string): DerNode[] {
  if (!node || node.tag !== TAG.SEQUENCE) throw new DerError(`asn1: structure error: ${what}`);
  return readChildren(node);
}

/** Go parseBigInt: signed, non-empty, minimally encoded. */
export function integerValue(node: DerNode | undefined, what: string): bigint {
  if (!node || node.tag !== TAG.INTEGER) throw new DerError(`asn1: structure error: ${what}`);
  const c = node.content;
  if (c.length === 0) throw new DerError('asn1: structure error: empty integer');
  if (!minimalInteger(c)) throw new DerError('asn1: structure error: integer not minimally-encoded');
  return integerContent(c);
}

/** Go parseInt64 (a Go `int` field on a 64-bit platform). */
export function int64Value(node: DerNode | undefined, what: string): bigint {
  const v = integerValue(node, what);
  if (node!.content.length > 8) throw new DerError('asn1: structure error: integer too large');
  return v;
}

export function oidValue(node: DerNode | undefined, what: string): string {
  if (!node || node.tag !== TAG.OID) throw new DerError(`asn1: structure error: ${what}`);
  return decodeOid(node.content);
}

export function octetStringValue(node: DerNode | undefined, what: string): Uint8Array {
  if (!node || node.tag !== TAG.OCTET_STRING) throw new DerError(`asn1: structure error: ${what}`);
  return node.content;
}

/** Go parseBitString: unused-bit count 0..7, zero padding bits. Returns the bytes and the bit length. */
export function bitStringValue(node: DerNode | undefined, what: string): { bytes: Uint8Array; bitLength: number } {
  if (!node || node.tag !== TAG.BIT_STRING) throw new DerError(`asn1: structure error: ${what}`);
  const c = node.content;
  if (c.length === 0) throw new DerError('asn1: syntax error: zero length BIT STRING');
  const value = bitStringContent(c);
  if (value === null) throw new DerError('asn1: syntax error: invalid padding bits in BIT STRING');
  return value;
}

/** The AlgorithmIdentifier of Go pkix: an OID and optional parameters of any type (raw TLV). */
export function algorithmIdentifier(node: DerNode | undefined, what: string): { oid: string; params?: DerNode } {
  const [oidNode, params] = sequenceElements(node, what);
  return params ? { oid: oidValue(oidNode, what), params } : { oid: oidValue(oidNode, what) };
}
