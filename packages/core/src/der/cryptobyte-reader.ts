// A reader with the semantics of golang.org/x/crypto/cryptobyte.String's ASN.1 methods (strict DER,
// single-byte tags, minimal lengths up to 4 length bytes, as readTlvHeader checks): each read returns null where Go returns false.
import { bitStringValue, integerValue, minimalInteger, objectIdentifierArcs } from './der-primitives.js';
import { tlvHeaderCode } from './der-reader.js';

/** cryptobyte.String: a cursor over DER bytes. */
export class CryptobyteReader {
  // A cursor over data[pos, end): reads move pos, so only returned values are new views.
  private pos: number;
  // After a successful header(): the element's header length and content length.
  private headerLength = 0;
  private contentLength = 0;

  /** A reader over data[start, end). */
  constructor(
    private readonly data: Uint8Array,
    start = 0,
    private readonly end = data.length,
  ) {
    this.pos = start;
  }

  get bytes(): Uint8Array {
    return this.data.subarray(this.pos, this.end);
  }

  empty(): boolean {
    return this.pos >= this.end;
  }

  // The header of the element at pos into headerLength/contentLength; false where Go's reads fail.
  private header(): boolean {
    const code = tlvHeaderCode(this.data, this.pos, this.end);
    if (code < 0) return false;
    this.headerLength = code % 8;
    this.contentLength = (code - this.headerLength) / 8;
    return true;
  }

  /** ReadAnyASN1Element / ReadAnyASN1: the next element's tag, whole encoding and content. */
  readAny(): { tag: number; element: Uint8Array; content: Uint8Array } | null {
    if (!this.header()) return null;
    const start = this.pos;
    const end = start + this.headerLength + this.contentLength;
    this.pos = end;
    return { tag: this.data[start]!, element: this.data.subarray(start, end), content: this.data.subarray(start + this.headerLength, end) };
  }

  /** PeekASN1Tag. */
  peek(tag: number): boolean {
    return this.pos < this.end && this.data[this.pos] === tag;
  }

  /** ReadASN1: the content of the next element, which must have `tag`. */
  read(tag: number): Uint8Array | null {
    if (!this.peek(tag) || !this.header()) return null;
    const start = this.pos + this.headerLength;
    this.pos = start + this.contentLength;
    return this.data.subarray(start, this.pos);
  }

  /** ReadASN1 into a reader over the content (no copy, no view), for elements read further. */
  readNested(tag: number): CryptobyteReader | null {
    if (!this.peek(tag) || !this.header()) return null;
    const start = this.pos + this.headerLength;
    this.pos = start + this.contentLength;
    return new CryptobyteReader(this.data, start, this.pos);
  }

  /** ReadASN1Element: the whole next element, which must have `tag`. */
  readElement(tag: number): Uint8Array | null {
    if (!this.peek(tag) || !this.header()) return null;
    const start = this.pos;
    this.pos = start + this.headerLength + this.contentLength;
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
