// Go encoding/json's scanner (scanner.go) driven over a JS string, building a GoJsonValue tree.
// Like json.Unmarshal, the whole input is validated before anything is decoded, so syntax errors win.
import { goQuote } from '../strconv-quote.js';
import { GoJsonSyntaxError } from './go-json-errors.js';
import type { GoJsonArray, GoJsonObject, GoJsonValue } from './go-json-value.js';

// Scanner opcodes (scanner.go scanContinue ... scanError).
const SCAN_CONTINUE = 0;
const SCAN_BEGIN_LITERAL = 1;
const SCAN_BEGIN_OBJECT = 2;
const SCAN_OBJECT_KEY = 3;
const SCAN_OBJECT_VALUE = 4;
const SCAN_END_OBJECT = 5;
const SCAN_BEGIN_ARRAY = 6;
const SCAN_ARRAY_VALUE = 7;
const SCAN_END_ARRAY = 8;
const SCAN_SKIP_SPACE = 9;
const SCAN_END = 10;
const SCAN_ERROR = 11;

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;

const MAX_NESTING_DEPTH = 10000;

type Step = (s: Scanner, c: number) => number;

interface Scanner {
  step: Step;
  parseState: number[];
  endTop: boolean;
  err: string | null;
}

// Go quoteChar: how the scanner names a byte in its messages.
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const q = goQuote(String.fromCharCode(c));
  return `'${q.slice(1, -1)}'`;
}

function fail(s: Scanner, c: number, context: string): number {
  s.step = stateError;
  s.err = `invalid character ${quoteChar(c)} ${context}`;
  return SCAN_ERROR;
}

function isSpace(c: number): boolean {
  return c <= 0x20 && (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function pushParseState(s: Scanner, c: number, state: number, success: number): number {
  s.parseState.push(state);
  if (s.parseState.length <= MAX_NESTING_DEPTH) return success;
  return fail(s, c, 'exceeded max depth');
}

function popParseState(s: Scanner): void {
  s.parseState.pop();
  if (s.parseState.length === 0) {
    s.step = stateEndTop;
    s.endTop = true;
  } else {
    s.step = stateEndValue;
  }
}

function stateBeginValueOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x5d) return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

function stateBeginValue(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  switch (c) {
    case 0x7b: // {
      s.step = stateBeginStringOrEmpty;
      return pushParseState(s, c, PARSE_OBJECT_KEY, SCAN_BEGIN_OBJECT);
    case 0x5b: // [
      s.step = stateBeginValueOrEmpty;
      return pushParseState(s, c, PARSE_ARRAY_VALUE, SCAN_BEGIN_ARRAY);
    case 0x22: // "
      s.step = stateInString;
      return SCAN_BEGIN_LITERAL;
    case 0x2d: // -
      s.step = stateNeg;
      return SCAN_BEGIN_LITERAL;
    case 0x30: // 0
      s.step = state0;
      return SCAN_BEGIN_LITERAL;
    case 0x74: // t
      s.step = literalState('rue', 'true');
      return SCAN_BEGIN_LITERAL;
    case 0x66: // f
      s.step = literalState('alse', 'false');
      return SCAN_BEGIN_LITERAL;
    case 0x6e: // n
      s.step = literalState('ull', 'null');
      return SCAN_BEGIN_LITERAL;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return SCAN_BEGIN_LITERAL;
  }
  return fail(s, c, 'looking for beginning of value');
}

function stateBeginStringOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x7d) {
    s.parseState[s.parseState.length - 1] = PARSE_OBJECT_VALUE;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

function stateBeginString(s: Scanner, c: number): number {
  if (isSpace(c)) return SCAN_SKIP_SPACE;
  if (c === 0x22) {
    s.step = stateInString;
    return SCAN_BEGIN_LITERAL;
  }
  return fail(s, c, 'looking for beginning of object key string');
}

function stateEndValue(s: Scanner, c: number): number {
  const n = s.parseState.length;
  if (n === 0) {
    s.step = stateEndTop;
    s.endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return SCAN_SKIP_SPACE;
  }
  switch (s.parseState[n - 1]) {
    case PARSE_OBJECT_KEY:
      if (c === 0x3a) {
        s.parseState[n - 1] = PARSE_OBJECT_VALUE;
        s.step = stateBeginValue;
        return SCAN_OBJECT_KEY;
      }
      return fail(s, c, 'after object key');
    case PARSE_OBJECT_VALUE:
      if (c === 0x2c) {
        s.parseState[n - 1] = PARSE_OBJECT_KEY;
        s.step = stateBeginString;
        return SCAN_OBJECT_VALUE;
      }
      if (c === 0x7d) {
        popParseState(s);
        return SCAN_END_OBJECT;
      }
      return fail(s, c, 'after object key:value pair');
    default:
      if (c === 0x2c) {
        s.step = stateBeginValue;
        return SCAN_ARRAY_VALUE;
      }
      if (c === 0x5d) {
        popParseState(s);
        return SCAN_END_ARRAY;
      }
      return fail(s, c, 'after array element');
  }
}

function stateEndTop(s: Scanner, c: number): number {
  if (!isSpace(c)) fail(s, c, 'after top-level value');
  return SCAN_END;
}

function stateInString(s: Scanner, c: number): number {
  if (c === 0x22) {
    s.step = stateEndValue;
    return SCAN_CONTINUE;
  }
  if (c === 0x5c) {
    s.step = stateInStringEsc;
    return SCAN_CONTINUE;
  }
  if (c < 0x20) return fail(s, c, 'in string literal');
  return SCAN_CONTINUE;
}

function stateInStringEsc(s: Scanner, c: number): number {
  switch (c) {
    case 0x62: // b
    case 0x66: // f
    case 0x6e: // n
    case 0x72: // r
    case 0x74: // t
    case 0x5c: // \
    case 0x2f: // /
    case 0x22: // "
      s.step = stateInString;
      return SCAN_CONTINUE;
    case 0x75: // u
      s.step = hexState(3);
      return SCAN_CONTINUE;
  }
  return fail(s, c, 'in string escape code');
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

const HEX_STATES: Step[] = [];
// stateInStringEscU, U1, U12, U123: `remaining` more hex digits after this one.
function hexState(remaining: number): Step {
  const cached = HEX_STATES[remaining];
  if (cached) return cached;
  const step: Step = (s, c) => {
    if (isHex(c)) {
      s.step = remaining === 0 ? stateInString : hexState(remaining - 1);
      return SCAN_CONTINUE;
    }
    return fail(s, c, 'in \\u hexadecimal character escape');
  };
  HEX_STATES[remaining] = step;
  return step;
}

function stateNeg(s: Scanner, c: number): number {
  if (c === 0x30) {
    s.step = state0;
    return SCAN_CONTINUE;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return SCAN_CONTINUE;
  }
  return fail(s, c, 'in numeric literal');
}

function state1(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = state1;
    return SCAN_CONTINUE;
  }
  return state0(s, c);
}

function state0(s: Scanner, c: number): number {
  if (c === 0x2e) {
    s.step = stateDot;
    return SCAN_CONTINUE;
  }
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return SCAN_CONTINUE;
  }
  return stateEndValue(s, c);
}

function stateDot(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateDot0;
    return SCAN_CONTINUE;
  }
  return fail(s, c, 'after decimal point in numeric literal');
}

function stateDot0(s: Scanner, c: number): number {
  if (isDigit(c)) return SCAN_CONTINUE;
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return SCAN_CONTINUE;
  }
  return stateEndValue(s, c);
}

function stateE(s: Scanner, c: number): number {
  if (c === 0x2b || c === 0x2d) {
    s.step = stateESign;
    return SCAN_CONTINUE;
  }
  return stateESign(s, c);
}

function stateESign(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateE0;
    return SCAN_CONTINUE;
  }
  return fail(s, c, 'in exponent of numeric literal');
}

function stateE0(s: Scanner, c: number): number {
  if (isDigit(c)) return SCAN_CONTINUE;
  return stateEndValue(s, c);
}

// stateT/stateTr/stateTru and the false/null equivalents: `rest` still expected, in `word`.
function literalState(rest: string, word: string): Step {
  const expected = rest.charCodeAt(0);
  return (s, c) => {
    if (c === expected) {
      s.step = rest.length === 1 ? stateEndValue : literalState(rest.slice(1), word);
      return SCAN_CONTINUE;
    }
    return fail(s, c, `in literal ${word} (expecting ${quoteChar(expected)})`);
  };
}

function stateError(): number {
  return SCAN_ERROR;
}

// Go scanner.eof().
function scanEof(s: Scanner): number {
  if (s.err !== null) return SCAN_ERROR;
  if (s.endTop) return SCAN_END;
  s.step(s, 0x20);
  // step() mutates s: re-read it through a fresh reference so the narrowing above does not apply.
  const after: Scanner = s;
  if (after.endTop) return SCAN_END;
  if (after.err === null) after.err = 'unexpected end of JSON input';
  return SCAN_ERROR;
}

// The first UTF-8 byte of the character at `i` (the byte Go's scanner would look at) and its width in UTF-16 units.
function byteAt(text: string, i: number): [byte: number, width: number] {
  const u = text.charCodeAt(i);
  if (u < 0x80) return [u, 1];
  if (u < 0x800) return [0xc0 | (u >> 6), 1];
  if (u >= 0xd800 && u < 0xdc00) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next < 0xe000) return [0xf0, 2];
  }
  if (u >= 0xd800 && u < 0xe000) return [0xef, 1]; // lone surrogate: Go sees U+FFFD (EF BF BD)
  return [0xe0 | (u >> 12), 1];
}

// Go unquote(): decode a validated JSON string literal. Runs of plain characters are copied as one slice.
function unquote(raw: string): string {
  let out = '';
  const end = raw.length - 1;
  let i = 1;
  while (i < end) {
    let run = i;
    while (run < end) {
      const c = raw.charCodeAt(run);
      if (c === 0x5c || (c >= 0xd800 && c < 0xe000)) break;
      run++;
    }
    if (run > i) {
      out += raw.slice(i, run);
      i = run;
      continue;
    }
    const u = raw.charCodeAt(i);
    if (u === 0x5c) {
      const e = raw[i + 1];
      switch (e) {
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const r = parseInt(raw.slice(i + 2, i + 6), 16);
          i += 6;
          if (r >= 0xd800 && r < 0xe000) {
            // A valid pair consumes both escapes; anything else becomes U+FFFD and the next escape stays.
            if (r < 0xdc00 && raw[i] === '\\' && raw[i + 1] === 'u') {
              const r2 = parseInt(raw.slice(i + 2, i + 6), 16);
              if (r2 >= 0xdc00 && r2 < 0xe000) {
                out += String.fromCharCode(r, r2);
                i += 6;
                continue;
              }
            }
            out += '\ufffd';
          } else {
            out += String.fromCharCode(r);
          }
          continue;
        }
        default:
          out += e!; // " \ /
      }
      i += 2;
      continue;
    }
    if (u >= 0xd800 && u < 0xe000) {
      const next = raw.charCodeAt(i + 1);
      if (u < 0xdc00 && next >= 0xdc00 && next < 0xe000 && i + 1 < end) {
        out += raw.slice(i, i + 2);
        i += 2;
      } else {
        out += '\ufffd';
        i += 1;
      }
      continue;
    }
    out += raw[i]!;
    i++;
  }
  return out;
}

function literalValue(text: string, start: number, end: number): GoJsonValue {
  const raw = text.slice(start, end);
  switch (raw[0]) {
    case 'n':
      return { kind: 'null', raw };
    case 't':
      return { kind: 'bool', value: true, raw };
    case 'f':
      return { kind: 'bool', value: false, raw };
    case '"':
      return { kind: 'string', value: unquote(raw), raw };
    default:
      return { kind: 'number', literal: raw, raw };
  }
}

interface OpenObject {
  kind: 'object';
  start: number;
  entries: Array<readonly [string, GoJsonValue]>;
  expectKey: boolean;
  key: string;
}

interface OpenArray {
  kind: 'array';
  start: number;
  items: GoJsonValue[];
}

/**
 * Parse JSON exactly as Go's `json.Unmarshal` validates it, returning a tree that keeps member order,
 * duplicate keys, number literals and raw text. Syntax errors throw {@link GoJsonSyntaxError} with Go's
 * message, e.g. `invalid character 'o' in literal null (expecting 'u')` or `unexpected end of JSON input`.
 *
 * @example decodeGoJson('{"a":[1,true]}')
 */
export function decodeGoJson(text: string): GoJsonValue {
  const scanner: Scanner = { step: stateBeginValue, parseState: [], endTop: false, err: null };
  const open: Array<OpenObject | OpenArray> = [];
  let root: GoJsonValue | undefined;
  let literalStart = -1;

  const complete = (value: GoJsonValue): void => {
    const parent = open[open.length - 1];
    if (parent === undefined) {
      root = value;
    } else if (parent.kind === 'array') {
      parent.items.push(value);
    } else if (parent.expectKey) {
      parent.key = value.kind === 'string' ? value.value : '';
    } else {
      parent.entries.push([parent.key, value]);
    }
  };

  const handle = (op: number, at: number, width: number): void => {
    if (op === SCAN_ERROR) throw new GoJsonSyntaxError(scanner.err ?? 'unexpected end of JSON input', at);
    if (literalStart >= 0 && op !== SCAN_CONTINUE) {
      complete(literalValue(text, literalStart, at));
      literalStart = -1;
    }
    switch (op) {
      case SCAN_BEGIN_LITERAL:
        literalStart = at;
        break;
      case SCAN_BEGIN_OBJECT:
        open.push({ kind: 'object', start: at, entries: [], expectKey: true, key: '' });
        break;
      case SCAN_BEGIN_ARRAY:
        open.push({ kind: 'array', start: at, items: [] });
        break;
      case SCAN_OBJECT_KEY:
      case SCAN_OBJECT_VALUE: {
        const parent = open[open.length - 1];
        if (parent?.kind === 'object') parent.expectKey = op === SCAN_OBJECT_VALUE;
        break;
      }
      case SCAN_END_OBJECT:
      case SCAN_END_ARRAY: {
        const done = open.pop();
        if (done === undefined) break;
        const raw = text.slice(done.start, at + width);
        const value: GoJsonObject | GoJsonArray =
          done.kind === 'object' ? { kind: 'object', entries: done.entries, raw } : { kind: 'array', items: done.items, raw };
        complete(value);
        break;
      }
    }
  };

  for (let i = 0; i < text.length; ) {
    const [byte, width] = byteAt(text, i);
    handle(scanner.step(scanner, byte), i, width);
    i += width;
  }
  handle(scanEof(scanner), text.length, 0);
  if (root === undefined) throw new GoJsonSyntaxError('unexpected end of JSON input', text.length);
  return root;
}
