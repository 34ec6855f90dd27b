// Go 1.19 encoding/asn1.Unmarshal into a described Go type: the same acceptance rules and the same
// error texts (`asn1: structure error: tags don't match (16 vs {...}) {...} certificateRequest @2`).
// Each described type is compiled once (the tag Go's getUniversalType and parseFieldParameters derive per call),
// and one decoder walks the input by offsets, so only the decoded values are allocated.
import { bitStringValue, integerValue, minimalInteger } from '../../der/der-primitives.js';
import { GoParseError } from '../go-parse-error.js';
import { isGoPrintable } from './go-printable.js';
import { decodeUtf16BeToGoString, GoString, isValidUtf8 } from '../go-string.js';
import { formatGoTimeJson, parseGoGeneralizedTime, parseGoUtcTime } from '../go-time.js';
import { goTimeQuote } from '../../go/time-quote.js';
import { goAsn1TimeError } from './go-asn1-time-error.js';

/** A Go type encoding/asn1 can fill, with the type name Go's errors print (`""` for unnamed types). */
export type Asn1Type =
  | Asn1Struct
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'oid' }
  | { kind: 'bitString' }
  | { kind: 'rawValue' }
  | { kind: 'rawContent' }
  | { kind: 'bytes' }
  | { kind: 'any' }
  | { kind: 'slice'; name: string; elem: Asn1Type };

/**
 * A Go struct: its fields in order. The decoded value is `build(values)` (values in field order), or
 * an object keyed by field name without `build`.
 */
export interface Asn1Struct {
  kind: 'struct';
  name: string;
  fields: readonly Asn1Field[];
  build?: (values: unknown[]) => unknown;
}

/** A struct field: its Go name, type and `asn1:"..."` tag options. */
export interface Asn1Field {
  name: string;
  type: Asn1Type;
  optional?: boolean;
  set?: boolean;
  tag?: number;
}

/** Go asn1.RawValue. */
export interface RawValue {
  class: number;
  tag: number;
  isCompound: boolean;
  bytes: Uint8Array;
  fullBytes: Uint8Array;
}

/** Go asn1.BitString. */
export interface BitString {
  bytes: Uint8Array;
  bitLength: number;
}

const structural = (msg: string): GoParseError => new GoParseError(`asn1: structure error: ${msg}`);
const syntax = (msg: string): GoParseError => new GoParseError(`asn1: syntax error: ${msg}`);

// fmt %+v of Go's fieldParameters; a set tag prints as a pointer, whose address cannot be reproduced.
function formatParams(f: Asn1Field | null): string {
  const tag = f?.tag === undefined ? '<nil>' : '0xc000012345';
  return `{optional:${f?.optional === true} explicit:false application:false private:false defaultValue:<nil> tag:${tag} stringType:0 timeType:0 set:${f?.set === true} omitEmpty:false}`;
}

const TYPE_NAMES: Partial<Record<Asn1Type['kind'], string>> = {
  int: 'int',
  bool: 'bool',
  oid: 'ObjectIdentifier',
  bitString: 'BitString',
  rawValue: 'RawValue',
  bytes: '',
};

function typeName(t: Asn1Type): string {
  return t.kind === 'struct' || t.kind === 'slice' ? t.name : (TYPE_NAMES[t.kind] ?? '');
}

// encoding/asn1 getUniversalType: the universal tag a Go type matches (matchAny for RawValue).
interface UniversalType {
  matchAny: boolean;
  tag: number;
  compound: boolean;
}

function universalType(t: Asn1Type): UniversalType {
  switch (t.kind) {
    case 'rawValue':
      return { matchAny: true, tag: -1, compound: false };
    case 'oid':
      return { matchAny: false, tag: 6, compound: false };
    case 'bitString':
      return { matchAny: false, tag: 3, compound: false };
    case 'bool':
      return { matchAny: false, tag: 1, compound: false };
    case 'int':
      return { matchAny: false, tag: 2, compound: false };
    case 'bytes':
      return { matchAny: false, tag: 4, compound: false };
    case 'slice':
      return { matchAny: false, tag: t.name.endsWith('SET') ? 17 : 16, compound: true };
    default:
      return { matchAny: false, tag: 16, compound: true };
  }
}

// A described type with one field's parameters applied: what parseField would work out on every call.
interface Node {
  type: Asn1Type;
  optional: boolean;
  /** The class and tag parseField expects (a context-specific tag, a SET, or the universal type's). */
  expectedClass: number;
  expectedTag: number;
  matchAnyClassAndTag: boolean;
  universal: UniversalType;
  /** `{optional:... } TypeName`, the tail of a tags-don't-match error. */
  mismatchText: string;
  /** Struct fields, with the leading RawContent one included (its value is the whole element). */
  fields: Node[];
  names: string[];
  rawContentFirst: boolean;
  build: ((values: unknown[]) => unknown) | null;
  /** Slice element (compiled without field parameters) and its universal type for parseSequenceOf. */
  elem: Node | null;
}

function compile(type: Asn1Type, field: Asn1Field | null): Node {
  const universal = universalType(type);
  const tagged = field?.tag !== undefined;
  const struct = type.kind === 'struct' ? type : null;
  return {
    type,
    optional: field?.optional === true,
    expectedClass: tagged ? 2 : 0,
    expectedTag: tagged ? field.tag! : field?.set === true ? 17 : universal.tag,
    matchAnyClassAndTag: tagged ? false : universal.matchAny,
    universal,
    mismatchText: `${formatParams(field)} ${typeName(type)}`,
    fields: struct === null ? [] : struct.fields.map((f) => compile(f.type, f)),
    names: struct === null ? [] : struct.fields.map((f) => f.name),
    rawContentFirst: struct !== null && struct.fields[0]?.type.kind === 'rawContent',
    build: struct?.build ?? null,
    elem: type.kind === 'slice' ? compile(type.elem, null) : null,
  };
}

const compiled = new WeakMap<Asn1Type, Node>();

function compiledRoot(type: Asn1Type): Node {
  let node = compiled.get(type);
  if (node === undefined) {
    node = compile(type, null);
    compiled.set(type, node);
  }
  return node;
}

const EMPTY = new Uint8Array(0);
const ZERO_RAW_VALUE: RawValue = Object.freeze({ class: 0, tag: 0, isCompound: false, bytes: EMPTY, fullBytes: EMPTY });

// The zero value Go leaves in an optional field that is absent.
function zeroValue(t: Asn1Type): unknown {
  switch (t.kind) {
    case 'int':
      return 0n;
    case 'bool':
      return false;
    case 'rawValue':
      return ZERO_RAW_VALUE;
    default:
      return null;
  }
}

// encoding/asn1 parseSequenceOf's tag normalisation: every string type as PrintableString, GeneralizedTime as UTCTime.
function sequenceTag(tag: number): number {
  switch (tag) {
    case 22:
    case 27:
    case 20:
    case 12:
    case 18:
    case 30:
      return 19;
    case 24:
      return 23;
    default:
      return tag;
  }
}

function parseInt64(bytes: Uint8Array): bigint {
  // encoding/asn1 checkInteger + parseInt64.
  if (bytes.length === 0) throw structural('empty integer');
  if (!minimalInteger(bytes)) throw structural('integer not minimally-encoded');
  if (bytes.length > 8) throw structural('integer too large');
  return integerValue(bytes);
}

function parseBitString(bytes: Uint8Array): BitString {
  if (bytes.length === 0) throw syntax('zero length BIT STRING');
  const value = bitStringValue(bytes);
  if (value === null) throw syntax('invalid padding bits in BIT STRING');
  return value;
}

// The value encoding/asn1 stores in an `any` field (universal primitive types; null otherwise).
function parseAnyValue(tagClass: number, tag: number, isCompound: boolean, inner: Uint8Array, decoder: Decoder, start: number): unknown {
  if (isCompound || tagClass !== 0) return null;
  switch (tag) {
    case 19:
      for (let i = 0; i < inner.length; i++) if (!isGoPrintable(inner[i]!)) throw syntax('PrintableString contains invalid character');
      return new GoString(inner);
    case 18:
      for (let i = 0; i < inner.length; i++) {
        const b = inner[i]!;
        if (!((b >= 0x30 && b <= 0x39) || b === 0x20)) throw syntax('NumericString contains invalid character');
      }
      return new GoString(inner);
    case 22:
      for (let i = 0; i < inner.length; i++) if (inner[i]! >= 0x80) throw syntax('IA5String contains invalid character');
      return new GoString(inner);
    case 20:
      return new GoString(inner);
    case 12:
      if (!isValidUtf8(inner)) throw new GoParseError('asn1: invalid UTF-8 string');
      return new GoString(inner);
    case 2:
      return parseInt64(inner);
    case 3:
      return parseBitString(inner);
    case 6:
      return decoder.objectIdentifier(start, start + inner.length);
    case 23:
    case 24: {
      const time = tag === 23 ? parseGoUtcTime(inner) : parseGoGeneralizedTime(inner);
      const layout = tag === 23 ? '060102150405Z0700' : '20060102150405Z0700';
      if (time === null)
        throw new GoParseError(goAsn1TimeError(inner, tag === 24) ?? `parsing time ${goTimeQuote(inner)} as "${layout}": cannot parse`);
      return formatGoTimeJson(time);
    }
    case 4:
      return inner.slice();
    case 30: {
      if (inner.length % 2 !== 0) throw new GoParseError('pkcs12: odd-length BMP string');
      const l = inner.length;
      return new GoString(decodeUtf16BeToGoString(l >= 2 && inner[l - 1] === 0 && inner[l - 2] === 0 ? inner.subarray(0, l - 2) : inner));
    }
    default:
      return null;
  }
}

// One Unmarshal call: offsets are absolute in `bytes`; `base` is where the slice Go would hold starts
// (errors print offsets relative to it). Each parse leaves the offset after what it read in `pos`, and
// parseTagAndLength leaves the header it read in `tagClass`, `tag`, `length` and `isCompound`.
class Decoder {
  pos = 0;
  tagClass = 0;
  tag = 0;
  length = 0;
  isCompound = false;

  constructor(readonly bytes: Uint8Array) {}

  // encoding/asn1 parseBase128Int over bytes[offset, end): the value; `pos` after it.
  base128Int(offset: number, end: number): number {
    const bytes = this.bytes;
    let ret = 0;
    for (let shifted = 0; offset < end; shifted++) {
      if (shifted === 5) throw structural('base 128 integer too large');
      const b = bytes[offset]!;
      if (shifted === 0 && b === 0x80) throw syntax('integer is not minimally encoded');
      ret = ret * 128 + (b & 0x7f);
      offset++;
      if ((b & 0x80) === 0) {
        if (ret > 0x7fffffff) throw structural('base 128 integer too large');
        this.pos = offset;
        return ret;
      }
    }
    throw syntax('truncated base 128 integer');
  }

  // encoding/asn1 parseObjectIdentifier over bytes[start, end).
  objectIdentifier(start: number, end: number): number[] {
    if (start === end) throw syntax('zero length OBJECT IDENTIFIER');
    const v = this.base128Int(start, end);
    const s = v < 80 ? [Math.floor(v / 40), v % 40] : [2, v - 80];
    while (this.pos < end) s.push(this.base128Int(this.pos, end));
    return s;
  }

  // encoding/asn1 parseTagAndLength at offset (below end): the header into tagClass/tag/length/isCompound, `pos` after it.
  tagAndLength(offset: number, end: number): void {
    const bytes = this.bytes;
    if (offset >= end) throw new GoParseError('asn1: internal error in parseTagAndLength');
    let b = bytes[offset++]!;
    this.tagClass = b >> 6;
    this.isCompound = (b & 0x20) === 0x20;
    let tag = b & 0x1f;
    if (tag === 0x1f) {
      tag = this.base128Int(offset, end);
      offset = this.pos;
      if (tag < 0x1f) throw syntax('non-minimal tag');
    }
    this.tag = tag;
    if (offset >= end) throw syntax('truncated tag or length');
    b = bytes[offset++]!;
    let length = 0;
    if ((b & 0x80) === 0) {
      length = b & 0x7f;
    } else {
      const numBytes = b & 0x7f;
      if (numBytes === 0) throw syntax('indefinite length found (not DER)');
      for (let i = 0; i < numBytes; i++) {
        if (offset >= end) throw syntax('truncated tag or length');
        b = bytes[offset++]!;
        if (length >= 1 << 23) throw structural('length too large');
        length = length * 256 + b;
        if (length === 0) throw structural('superfluous leading zeros in length');
      }
      if (length < 0x80) throw structural('non-minimal length');
    }
    this.length = length;
    this.pos = offset;
  }

  // encoding/asn1 parseSequenceOf over bytes[start, end): every element's tag is checked before any is parsed.
  sequenceOf(elem: Node, start: number, end: number): unknown[] {
    const u = elem.universal;
    let count = 0;
    for (let offset = start; offset < end; ) {
      this.tagAndLength(offset, end);
      offset = this.pos;
      const tag = sequenceTag(this.tag);
      if (!u.matchAny && (this.tagClass !== 0 || this.isCompound !== u.compound || tag !== u.tag))
        throw structural('sequence tag mismatch');
      if (offset + this.length > end) throw syntax('truncated sequence');
      offset += this.length;
      count++;
    }
    const out: unknown[] = new Array(count);
    let offset = start;
    for (let i = 0; i < count; i++) {
      out[i] = this.field(elem, start, offset, end);
      offset = this.pos;
    }
    return out;
  }

  // encoding/asn1 parseField for the element at `offset` in the slice bytes[base, end) (no explicit tagging,
  // no string or time fields: the types x509 unmarshals a CSR into).
  field(node: Node, base: number, offset: number, end: number): unknown {
    const bytes = this.bytes;
    const type = node.type;
    if (offset === end) {
      if (!node.optional) throw syntax('sequence truncated');
      this.pos = offset;
      return zeroValue(type);
    }
    const initOffset = offset;
    this.tagAndLength(offset, end);
    offset = this.pos;
    const length = this.length;
    if (type.kind === 'any') {
      if (offset + length > end) throw syntax('data truncated');
      const value = parseAnyValue(this.tagClass, this.tag, this.isCompound, bytes.subarray(offset, offset + length), this, offset);
      this.pos = offset + length;
      return value;
    }
    const u = node.universal;
    if (
      (!node.matchAnyClassAndTag && (this.tagClass !== node.expectedClass || this.tag !== node.expectedTag)) ||
      (!u.matchAny && this.isCompound !== u.compound)
    ) {
      if (node.optional) {
        this.pos = initOffset;
        return zeroValue(type);
      }
      const tl = `{class:${this.tagClass} tag:${this.tag} length:${length} isCompound:${this.isCompound}}`;
      throw structural(`tags don't match (${node.expectedTag} vs ${tl}) ${node.mismatchText} @${offset - base}`);
    }
    if (offset + length > end) throw syntax('data truncated');
    const contentEnd = offset + length;
    this.pos = contentEnd;
    switch (type.kind) {
      case 'rawValue':
        return {
          class: this.tagClass,
          tag: this.tag,
          isCompound: this.isCompound,
          bytes: bytes.subarray(offset, contentEnd),
          fullBytes: bytes.subarray(initOffset, contentEnd),
        } satisfies RawValue;
      case 'oid': {
        const oid = this.objectIdentifier(offset, contentEnd);
        this.pos = contentEnd;
        return oid;
      }
      case 'bitString':
        return parseBitString(bytes.subarray(offset, contentEnd));
      case 'bool':
        if (length !== 1 || (bytes[offset] !== 0 && bytes[offset] !== 0xff)) throw syntax('invalid boolean');
        return bytes[offset] === 0xff;
      case 'int':
        return parseInt64(bytes.subarray(offset, contentEnd));
      case 'bytes':
        return bytes.slice(offset, contentEnd);
      case 'slice': {
        const list = this.sequenceOf(node.elem!, offset, contentEnd);
        this.pos = contentEnd;
        return list;
      }
      case 'struct': {
        const fields = node.fields;
        const values: unknown[] = new Array(fields.length);
        let inner = offset;
        for (let i = 0; i < fields.length; i++) {
          if (i === 0 && node.rawContentFirst) {
            values[0] = bytes.subarray(initOffset, contentEnd);
            continue;
          }
          values[i] = this.field(fields[i]!, offset, inner, contentEnd);
          inner = this.pos;
        }
        // Trailing elements inside a SEQUENCE are allowed (X.509 grows by appending fields).
        this.pos = contentEnd;
        if (node.build !== null) return node.build(values);
        const out: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) out[node.names[i]!] = values[i];
        return out;
      }
      default:
        throw structural(`unsupported: ${type.kind}`);
    }
  }
}

/**
 * Go `asn1.Unmarshal(der, &v)` for a value of `type`: the decoded value and the bytes after it.
 * Throws GoParseError with encoding/asn1's message.
 */
export function unmarshalGoAsn1(der: Uint8Array, type: Asn1Type): { value: unknown; rest: Uint8Array } {
  const decoder = new Decoder(der);
  const value = decoder.field(compiledRoot(type), 0, 0, der.length);
  return { value, rest: decoder.pos === der.length ? EMPTY : der.subarray(decoder.pos) };
}
