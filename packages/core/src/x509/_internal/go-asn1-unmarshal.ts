// Go 1.19 encoding/asn1.Unmarshal into a described Go type: the same acceptance rules and the same
// error texts (`asn1: structure error: tags don't match (16 vs {...}) {...} certificateRequest @2`).
import { bitStringValue, integerValue, minimalInteger } from '../../der/der-primitives.js';
import { GoParseError } from '../go-parse-error.js';
import { isGoPrintable } from './go-printable.js';
import { decodeUtf16BeToGoString, GoString, isValidUtf8 } from '../go-string.js';
import { formatGoTimeJson, parseGoGeneralizedTime, parseGoUtcTime } from '../go-time.js';
import { goTimeQuote } from '../../go/time-quote.js';
import { goAsn1TimeError } from './go-asn1-time-error.js';

/** A Go type encoding/asn1 can fill, with the type name Go's errors print (`""` for unnamed types). */
export type Asn1Type =
  | { kind: 'struct'; name: string; fields: readonly Asn1Field[] }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'oid' }
  | { kind: 'bitString' }
  | { kind: 'rawValue' }
  | { kind: 'rawContent' }
  | { kind: 'bytes' }
  | { kind: 'any' }
  | { kind: 'slice'; name: string; elem: Asn1Type };

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

interface TagAndLength {
  class: number;
  tag: number;
  length: number;
  isCompound: boolean;
}

const structural = (msg: string): GoParseError => new GoParseError(`asn1: structure error: ${msg}`);
const syntax = (msg: string): GoParseError => new GoParseError(`asn1: syntax error: ${msg}`);
const syntaxError = (msg: string): never => {
  throw syntax(msg);
};

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

// encoding/asn1 parseBase128Int.
function parseBase128Int(bytes: Uint8Array, initOffset: number): [number, number] {
  let offset = initOffset;
  let ret = 0;
  for (let shifted = 0; offset < bytes.length; shifted++) {
    if (shifted === 5) throw structural('base 128 integer too large');
    const b = bytes[offset]!;
    if (shifted === 0 && b === 0x80) throw syntax('integer is not minimally encoded');
    ret = ret * 128 + (b & 0x7f);
    offset++;
    if ((b & 0x80) === 0) {
      if (ret > 0x7fffffff) throw structural('base 128 integer too large');
      return [ret, offset];
    }
  }
  throw syntax('truncated base 128 integer');
}

// encoding/asn1 parseTagAndLength.
function parseTagAndLength(bytes: Uint8Array, initOffset: number): [TagAndLength, number] {
  let offset = initOffset;
  if (offset >= bytes.length) throw new GoParseError('asn1: internal error in parseTagAndLength');
  let b = bytes[offset++]!;
  const ret: TagAndLength = { class: b >> 6, isCompound: (b & 0x20) === 0x20, tag: b & 0x1f, length: 0 };
  if (ret.tag === 0x1f) {
    [ret.tag, offset] = parseBase128Int(bytes, offset);
    if (ret.tag < 0x1f) throw syntax('non-minimal tag');
  }
  if (offset >= bytes.length) throw syntax('truncated tag or length');
  b = bytes[offset++]!;
  if ((b & 0x80) === 0) {
    ret.length = b & 0x7f;
  } else {
    const numBytes = b & 0x7f;
    if (numBytes === 0) throw syntax('indefinite length found (not DER)');
    for (let i = 0; i < numBytes; i++) {
      if (offset >= bytes.length) throw syntax('truncated tag or length');
      b = bytes[offset++]!;
      if (ret.length >= 1 << 23) throw structural('length too large');
      ret.length = ret.length * 256 + b;
      if (ret.length === 0) throw structural('superfluous leading zeros in length');
    }
    if (ret.length < 0x80) throw structural('non-minimal length');
  }
  return [ret, offset];
}

const invalidLength = (offset: number, length: number, sliceLength: number): boolean => offset + length > sliceLength;

// encoding/asn1 checkInteger + parseInt64.
function parseInt64(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw structural('empty integer');
  if (!minimalInteger(bytes)) throw structural('integer not minimally-encoded');
  if (bytes.length > 8) throw structural('integer too large');
  return integerValue(bytes);
}

function parseBitString(bytes: Uint8Array): BitString {
  if (bytes.length === 0) throw syntax('zero length BIT STRING');
  return bitStringValue(bytes) ?? syntaxError('invalid padding bits in BIT STRING');
}

function parseObjectIdentifier(bytes: Uint8Array): number[] {
  if (bytes.length === 0) throw syntax('zero length OBJECT IDENTIFIER');
  let [v, offset] = parseBase128Int(bytes, 0);
  const s = v < 80 ? [Math.floor(v / 40), v % 40] : [2, v - 80];
  while (offset < bytes.length) {
    [v, offset] = parseBase128Int(bytes, offset);
    s.push(v);
  }
  return s;
}

// The value encoding/asn1 stores in an `any` field (universal primitive types; null otherwise).
function parseAnyValue(t: TagAndLength, inner: Uint8Array): unknown {
  if (t.isCompound || t.class !== 0) return null;
  switch (t.tag) {
    case 19:
      for (const b of inner) if (!isGoPrintable(b)) throw syntax('PrintableString contains invalid character');
      return new GoString(inner);
    case 18:
      if (!inner.every((b) => (b >= 0x30 && b <= 0x39) || b === 0x20)) throw syntax('NumericString contains invalid character');
      return new GoString(inner);
    case 22:
      for (const b of inner) if (b >= 0x80) throw syntax('IA5String contains invalid character');
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
      return parseObjectIdentifier(inner);
    case 23:
    case 24: {
      const time = t.tag === 23 ? parseGoUtcTime(inner) : parseGoGeneralizedTime(inner);
      const layout = t.tag === 23 ? '060102150405Z0700' : '20060102150405Z0700';
      if (time === null)
        throw new GoParseError(goAsn1TimeError(inner, t.tag === 24) ?? `parsing time ${goTimeQuote(inner)} as "${layout}": cannot parse`);
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

// encoding/asn1 getUniversalType (one shared result per kind: this runs for every element).
interface UniversalType {
  matchAny: boolean;
  tag: number;
  compound: boolean;
}
const UNIVERSAL_RAW: UniversalType = { matchAny: true, tag: -1, compound: false };
const UNIVERSAL_OID: UniversalType = { matchAny: false, tag: 6, compound: false };
const UNIVERSAL_BIT_STRING: UniversalType = { matchAny: false, tag: 3, compound: false };
const UNIVERSAL_BOOL: UniversalType = { matchAny: false, tag: 1, compound: false };
const UNIVERSAL_INT: UniversalType = { matchAny: false, tag: 2, compound: false };
const UNIVERSAL_BYTES: UniversalType = { matchAny: false, tag: 4, compound: false };
const UNIVERSAL_SET: UniversalType = { matchAny: false, tag: 17, compound: true };
const UNIVERSAL_SEQUENCE: UniversalType = { matchAny: false, tag: 16, compound: true };

function universalType(t: Asn1Type): UniversalType {
  switch (t.kind) {
    case 'rawValue':
      return UNIVERSAL_RAW;
    case 'oid':
      return UNIVERSAL_OID;
    case 'bitString':
      return UNIVERSAL_BIT_STRING;
    case 'bool':
      return UNIVERSAL_BOOL;
    case 'int':
      return UNIVERSAL_INT;
    case 'bytes':
      return UNIVERSAL_BYTES;
    case 'slice':
      return t.name.endsWith('SET') ? UNIVERSAL_SET : UNIVERSAL_SEQUENCE;
    default:
      return UNIVERSAL_SEQUENCE;
  }
}

// The zero value Go leaves in an optional field that is absent.
function zeroValue(t: Asn1Type): unknown {
  switch (t.kind) {
    case 'int':
      return 0n;
    case 'bool':
      return false;
    case 'rawValue':
      return { class: 0, tag: 0, isCompound: false, bytes: new Uint8Array(0), fullBytes: new Uint8Array(0) } satisfies RawValue;
    default:
      return null;
  }
}

const STRING_TAGS = new Set([22, 27, 20, 12, 18, 30]);

// encoding/asn1 parseSequenceOf.
function parseSequenceOf(bytes: Uint8Array, elem: Asn1Type): unknown[] {
  const u = universalType(elem);
  let count = 0;
  for (let offset = 0; offset < bytes.length; ) {
    let t: TagAndLength;
    [t, offset] = parseTagAndLength(bytes, offset);
    let tag = t.tag;
    if (STRING_TAGS.has(tag)) tag = 19;
    else if (tag === 24 || tag === 23) tag = 23;
    if (!u.matchAny && (t.class !== 0 || t.isCompound !== u.compound || tag !== u.tag)) throw structural('sequence tag mismatch');
    if (invalidLength(offset, t.length, bytes.length)) throw syntax('truncated sequence');
    offset += t.length;
    count++;
  }
  const out: unknown[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    let value: unknown;
    [value, offset] = parseField(elem, null, bytes, offset);
    out.push(value);
  }
  return out;
}

// encoding/asn1 parseField (no explicit tagging, no strings or times: the types CSR parsing uses).
function parseField(type: Asn1Type, field: Asn1Field | null, bytes: Uint8Array, initOffset: number): [unknown, number] {
  let offset = initOffset;
  if (offset === bytes.length) {
    if (field?.optional !== true) throw syntax('sequence truncated');
    return [zeroValue(type), offset];
  }
  if (type.kind === 'any') {
    let t: TagAndLength;
    [t, offset] = parseTagAndLength(bytes, offset);
    if (invalidLength(offset, t.length, bytes.length)) throw syntax('data truncated');
    const value = parseAnyValue(t, bytes.subarray(offset, offset + t.length));
    return [value, offset + t.length];
  }
  const [t, afterHeader] = parseTagAndLength(bytes, offset);
  offset = afterHeader;
  const u = universalType(type);
  let expectedClass = 0;
  let expectedTag = field?.set === true ? 17 : u.tag;
  let matchAnyClassAndTag = u.matchAny;
  if (field?.tag !== undefined) {
    expectedClass = 2;
    expectedTag = field.tag;
    matchAnyClassAndTag = false;
  }
  if ((!matchAnyClassAndTag && (t.class !== expectedClass || t.tag !== expectedTag)) || (!u.matchAny && t.isCompound !== u.compound)) {
    if (field?.optional === true) return [zeroValue(type), initOffset];
    const tl = `{class:${t.class} tag:${t.tag} length:${t.length} isCompound:${t.isCompound}}`;
    throw structural(`tags don't match (${expectedTag} vs ${tl}) ${formatParams(field)} ${typeName(type)} @${offset}`);
  }
  if (invalidLength(offset, t.length, bytes.length)) throw syntax('data truncated');
  const inner = bytes.subarray(offset, offset + t.length);
  offset += t.length;
  switch (type.kind) {
    case 'rawValue':
      return [
        {
          class: t.class,
          tag: t.tag,
          isCompound: t.isCompound,
          bytes: inner,
          fullBytes: bytes.subarray(initOffset, offset),
        } satisfies RawValue,
        offset,
      ];
    case 'oid':
      return [parseObjectIdentifier(inner), offset];
    case 'bitString':
      return [parseBitString(inner), offset];
    case 'bool':
      if (inner.length !== 1 || (inner[0] !== 0 && inner[0] !== 0xff)) throw syntax('invalid boolean');
      return [inner[0] === 0xff, offset];
    case 'int':
      return [parseInt64(inner), offset];
    case 'bytes':
      return [inner.slice(), offset];
    case 'slice':
      return [parseSequenceOf(inner, type.elem), offset];
    case 'struct': {
      const out: Record<string, unknown> = {};
      let innerOffset = 0;
      const fields = type.fields;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (i === 0 && f.type.kind === 'rawContent') {
          out[f.name] = bytes.subarray(initOffset, offset);
          continue;
        }
        const [value, next] = parseField(f.type, f, inner, innerOffset);
        out[f.name] = value;
        innerOffset = next;
      }
      // Trailing elements inside a SEQUENCE are allowed (X.509 grows by appending fields).
      return [out, offset];
    }
    default:
      throw structural(`unsupported: ${type.kind}`);
  }
}

/**
 * Go `asn1.Unmarshal(der, &v)` for a value of `type`: the decoded value and the bytes after it.
 * Throws GoParseError with encoding/asn1's message.
 */
export function unmarshalGoAsn1(der: Uint8Array, type: Asn1Type, field: Asn1Field | null = null): { value: unknown; rest: Uint8Array } {
  const [value, offset] = parseField(type, field, der, 0);
  return { value, rest: der.subarray(offset) };
}
