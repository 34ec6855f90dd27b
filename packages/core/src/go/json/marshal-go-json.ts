// Go encoding/json Marshal / MarshalIndent output for JS values.
import { encodeGoBase64Std } from '../base64-std-encode.js';
import { GoJsonUnsupportedValueError } from './go-json-errors.js';
import { isGoStruct } from './go-struct.js';

/** How to marshal plain objects that are not marked with goStruct(). */
export interface MarshalGoJsonOptions {
  /** `map` (default): keys sorted like a Go map; `struct`: insertion order like a Go struct. */
  plainObjects?: 'map' | 'struct';
}

const HEX = '0123456789abcdef';

// Go encodeState.string with escapeHTML: \" \\ \n \r \t, other controls and < > & as \u00XX,
// U+2028/U+2029 as \u2028/\u2029, invalid UTF-16 (lone surrogates) as \ufffd.
function quoteString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26) continue;
      esc =
        c === 0x22
          ? '\\"'
          : c === 0x5c
            ? '\\\\'
            : c === 0x0a
              ? '\\n'
              : c === 0x0d
                ? '\\r'
                : c === 0x09
                  ? '\\t'
                  : `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    } else if (c === 0x2028 || c === 0x2029) {
      esc = `\\u202${HEX[c & 0xf]}`;
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    } else if (c >= 0xd800 && c < 0xe000) {
      esc = '\\ufffd';
    } else {
      continue;
    }
    out += s.slice(start, i) + esc;
    start = i + 1;
  }
  return `${out}${s.slice(start)}"`;
}

// Go floatEncoder (strconv 'f'/'e' shortest, e-07 -> e-7) equals JS's shortest round-trip form, except -0.
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) {
    throw new GoJsonUnsupportedValueError(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
  }
  return Object.is(n, -0) ? '-0' : String(n);
}

// Go sorts map keys as byte strings: UTF-8 byte order is code point order.
function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const dx = x.value.codePointAt(0) ?? 0;
    const dy = y.value.codePointAt(0) ?? 0;
    if (dx !== dy) return dx - dy;
  }
}

function encodeMembers(entries: Array<[string, unknown]>, options: MarshalGoJsonOptions): string {
  const parts: string[] = [];
  for (const [k, v] of entries) if (v !== undefined) parts.push(`${quoteString(k)}:${encode(v, options)}`);
  return `{${parts.join(',')}}`;
}

function encode(value: unknown, options: MarshalGoJsonOptions): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return quoteString(value);
    case 'object':
      break;
    default:
      throw new TypeError(`marshalGoJson: cannot marshal a ${typeof value}`);
  }
  if (value instanceof Uint8Array) return quoteString(encodeGoBase64Std(value));
  if (Array.isArray(value)) return `[${value.map((v) => encode(v, options)).join(',')}]`;
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v]): [string, unknown] => [String(k), v]);
    return encodeMembers(
      entries.sort((a, b) => compareCodePoints(a[0], b[0])),
      options,
    );
  }
  const entries = Object.entries(value);
  if (isGoStruct(value) || options.plainObjects === 'struct') return encodeMembers(entries, options);
  return encodeMembers(
    entries.sort((a, b) => compareCodePoints(a[0], b[0])),
    options,
  );
}

/**
 * Go `json.Marshal` of a JS value: no insignificant spaces; Maps and plain objects with sorted keys (Go
 * maps), {@link goStruct} objects in insertion order; strings escaped as Go does (`<` `>` `&` as
 * `\u003c` `\u003e` `\u0026`, U+2028/U+2029, control characters); Uint8Array as base64; bigint as an integer.
 *
 * @example marshalGoJson({ key: 'k', cert: 'a<b' }) // '{"cert":"a\\u003cb","key":"k"}'
 */
export function marshalGoJson(value: unknown, options: MarshalGoJsonOptions = {}): string {
  return encode(value, options);
}

/**
 * Go `json.MarshalIndent`: Marshal, then `json.Indent` — a newline, `prefix` and one `indent` per level
 * before each element, `": "` after keys, `{}` and `[]` kept empty; the first line has no prefix.
 *
 * @example marshalGoJsonIndent({ a: [1] }, '', '  ') // '{\n  "a": [\n    1\n  ]\n}'
 */
export function marshalGoJsonIndent(value: unknown, prefix: string, indent: string, options: MarshalGoJsonOptions = {}): string {
  const compact = encode(value, options);
  let out = '';
  let depth = 0;
  let needIndent = false;
  let inString = false;
  const newline = (): string => `\n${prefix}${indent.repeat(depth)}`;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    if (inString) {
      // Copy the rest of the string literal in one slice: up to its closing quote, skipping escaped characters.
      let end = i;
      while (end < compact.length && compact[end] !== '"') end = compact[end] === '\\' ? end + 2 : end + 1;
      out += compact.slice(i, end + 1);
      i = end;
      inString = false;
      continue;
    }
    if (needIndent && c !== '}' && c !== ']') {
      needIndent = false;
      depth++;
      out += newline();
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[':
        needIndent = true;
        out += c;
        break;
      case ',':
        out += c + newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) {
          needIndent = false;
        } else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}
