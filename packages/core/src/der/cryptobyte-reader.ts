// A reader with the semantics of golang.org/x/crypto/cryptobyte.String's ASN.1 methods (strict DER,
// single-byte tags, minimal lengths up to 4 length bytes, as readTlvHeader checks): each read returns null where Go returns false.
import { bitStringValue, integerValue, minimalInteger, objectIdentifierArcs } from './der-primitives.js';
import { readTlvHeader } from './der-reader.js';

/** cryptobyte.String: a cursor over DER bytes. */
export class CryptobyteReader {
  // A cursor over data[pos, end): reads move pos, so only returned values are new views.
  private pos = 0;
  private readonly end: number;

  constructor(private readonly data: Uint8Array) {
    this.end = data.length;
  }

  get bytes(): Uint8Array {
    return this.data.subarray(this.pos, this.end);
  }

  empty(): boolean {
    return this.pos >= this.end;
  }

  /** ReadAnyASN1Element / ReadAnyASN1: the next element's tag, whole encoding and content. */
  readAny(): { tag: number; element: Uint8Array; content: Uint8Array } | null {
    const h = readTlvHeader(this.data, this.pos);
    if (typeof h === 'string') return null;
    const start = this.pos;
    const end = start + h.headerLength + h.length;
    this.pos = end;
    return { tag: h.tag, element: this.data.subarray(start, end), content: this.data.subarray(start + h.headerLength, end) };
  }

  /** PeekASN1Tag. */
  peek(tag: number): boolean {
    return this.pos < this.end && this.data[this.pos] === tag;
  }

  /** ReadASN1: the content of the next element, which must have `tag`. */
  read(tag: number): Uint8Array | null {
    if (!this.peek(tag)) return null;
    const h = readTlvHeader(this.data, this.pos);
    if (typeof h === 'string') return null;
    const start = this.pos + h.headerLength;
    this.pos = start + h.length;
    return this.data.subarray(start, this.pos);
  }

  /** ReadASN1Element: the whole next element, which must have `tag`. */
  readElement(tag: number): Uint8Array | null {
    if (!this.peek(tag)) return null;
    const h = readTlvHeader(this.data, this.pos);
    if (typeof h === 'string') return null;
    const start = this.pos;
    this.pos = start + h.headerLength + h.length;
    return this.data.subarray(start, this.pos);
  }

  /** ReadOptionalASN1: `{present:false}` when the next tag differs; null on malformed input. */
  readOptional(tag: number): { present: boolean; content: Uint8Array } | null {
    if (!this.peek(tag)) return { present: false, content: new Uint8Array(0) };
    const content = this.read(tag);
    return content === null ? null : { present: true, content };
  }

  /** SkipOptionalASN1. */
  skipOptional(tag: number): boolean {
    if (!this.peek(tag)) return true;
    return this.readAny() !== null;
  }

  /** ReadASN1Integer into a *big.Int: minimal two's-complement encoding required. */
  readBigInteger(): bigint | null {
    const c = this.read(0x02);
    if (c === null || !minimalInteger(c)) return null;
    return integerValue(c);
  }

  /** ReadASN1Integer into an int64 (Go int on 64-bit). */
  readInt64(): bigint | null {
    const c = this.read(0x02);
    if (c === null || !minimalInteger(c) || c.length > 8) return null;
    return integerValue(c);
  }

  /** ReadASN1Boolean: one byte, 0x00 or 0xFF. */
  readBoolean(): boolean | null {
    const c = this.read(0x01);
    if (c === null || c.length !== 1 || (c[0] !== 0 && c[0] !== 0xff)) return null;
    return c[0] === 0xff;
  }

  /** ReadASN1BitString: padding count ≤ 7 and zero padding bits. */
  readBitString(): { bytes: Uint8Array; bitLength: number } | null {
    const c = this.read(0x03);
    return c === null ? null : bitStringValue(c);
  }

  /** ReadASN1ObjectIdentifier as Go 1.19 vendors it: arcs must fit an int32; a leading 0x80 is read (later x/crypto releases refuse it). */
  readObjectIdentifier(): number[] | null {
    const c = this.read(0x06);
    return c === null ? null : objectIdentifierArcs(c, false);
  }
}
