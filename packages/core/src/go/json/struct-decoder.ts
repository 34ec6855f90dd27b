// Go encoding/json decodeState (decode.go, Go 1.19) applied to a GoJsonValue tree and a GoType.
import { decodeGoBase64Std, GoBase64CorruptInputError } from '../base64-std-decode.js';
import { GoJsonUnmarshalTypeError } from './go-json-errors.js';
import type { GoJsonValue } from './go-json-value.js';
import type { GoType } from './go-type.js';
import { matchFieldName } from './match-field-name.js';

type StructType = Extract<GoType, { kind: 'struct' }>;

/** Callbacks for keys Go would ignore or that set internal fields; `path` is a dotted JSON path of the keys as written. */
export interface UnmarshalGoJsonOptions {
  /** A key that matches no field (Go silently ignores it). */
  onUnknownKey?: (path: string) => void;
  /** A key that sets a field marked `internal`. */
  onInternalKey?: (path: string) => void;
}

/** A decoded Go struct: field values keyed by Go field name. */
export type GoStructValue = Record<string, unknown>;

interface DecodeState {
  // Go's errorContext: the innermost struct type and the JSON names of the fields entered.
  struct: StructType | null;
  fieldStack: string[];
  saved: Error | null;
  path: string[];
  options: UnmarshalGoJsonOptions;
}

/**
 * The zero value of a Go type: '' / false / 0 / null (nil slice, map, pointer, interface) / a struct of zero fields.
 *
 * @example zeroGoValue(goStructType('x.T', [goField('A', goIntType())])) // { A: 0 }
 */
export function zeroGoValue<T>(type: GoType<T>): T {
  return zero(type) as T;
}

function zero(type: GoType): unknown {
  switch (type.kind) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return type.big ? 0n : 0;
    case 'struct': {
      const value: GoStructValue = {};
      for (const f of type.fields) value[f.goName] = zero(f.type);
      return value;
    }
    case 'unmarshaler':
      return type.zero();
    default:
      return null;
  }
}

function pathText(path: readonly string[]): string {
  let out = '';
  for (const part of path) out += part.startsWith('[') || out === '' ? part : `.${part}`;
  return out;
}

// d.saveError: keep the first error; type errors get the current field context.
function typeError(st: DecodeState, value: string, type: GoType): void {
  if (st.saved !== null) return;
  const inField = st.struct !== null || st.fieldStack.length > 0;
  st.saved = inField
    ? new GoJsonUnmarshalTypeError(value, type.name, st.struct?.shortName ?? '', st.fieldStack.join('.'))
    : new GoJsonUnmarshalTypeError(value, type.name);
}

function saveError(st: DecodeState, error: Error): void {
  if (st.saved === null) st.saved = error;
}

// Go interface{} decoding: objects to plain records (last duplicate wins), numbers to float64.
function plainValue(st: DecodeState, node: GoJsonValue): unknown {
  switch (node.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'string':
      return node.value;
    case 'number': {
      const n = Number(node.literal);
      if (!Number.isFinite(n)) typeError(st, `number ${node.literal}`, { kind: 'string', name: 'float64' });
      return n;
    }
    case 'array':
      return node.items.map((item) => plainValue(st, item));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries)
        Object.defineProperty(out, k, { value: plainValue(st, v), enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}

function decodeInt(st: DecodeState, literal: string, type: Extract<GoType, { kind: 'int' }>, current: unknown): unknown {
  // strconv.ParseInt / ParseUint on the literal, then the kind's overflow check.
  const ok = type.unsigned ? /^[0-9]+$/.test(literal) : /^-?[0-9]+$/.test(literal);
  const n = ok ? BigInt(literal) : 0n;
  const min = type.unsigned ? 0n : -(1n << BigInt(type.bits - 1));
  const max = type.unsigned ? (1n << BigInt(type.bits)) - 1n : (1n << BigInt(type.bits - 1)) - 1n;
  if (!ok || n < min || n > max) {
    typeError(st, `number ${literal}`, type);
    return current;
  }
  return type.big ? n : Number(n);
}

function decodeStruct(st: DecodeState, node: Extract<GoJsonValue, { kind: 'object' }>, type: StructType, current: unknown): unknown {
  const target = (current ?? zero(type)) as GoStructValue;
  const outerStruct = st.struct;
  const outerDepth = st.fieldStack.length;
  for (const [key, value] of node.entries) {
    st.path.push(key);
    const field = matchFieldName(type.fields, key);
    if (field === undefined) {
      if (!type.opaque) st.options.onUnknownKey?.(pathText(st.path));
    } else {
      if (field.internal) st.options.onInternalKey?.(pathText(st.path));
      st.fieldStack.push(field.jsonName);
      st.struct = type;
      target[field.goName] = decodeValue(st, value, field.type, target[field.goName]);
      st.fieldStack.length = outerDepth;
      st.struct = outerStruct;
    }
    st.path.pop();
  }
  return target;
}

function decodeValue(st: DecodeState, node: GoJsonValue, type: GoType, current: unknown): unknown {
  switch (type.kind) {
    case 'pointer':
      if (node.kind === 'null') return null;
      // indirect(): allocate the pointee when nil, even if the value then turns out to be a type error
      return decodeValue(st, node, type.elem, current ?? zero(type.elem));

    case 'unmarshaler':
      // UnmarshalJSON errors abort decoding at once (they are not saved like type errors).
      return type.unmarshal(node.raw, current);

    case 'interface':
      if (type.empty) return plainValue(st, node);
      if (node.kind === 'null') return null;
      if (node.kind === 'number' && !Number.isFinite(Number(node.literal))) {
        typeError(st, `number ${node.literal}`, { kind: 'string', name: 'float64' });
      } else {
        typeError(st, node.kind, type);
      }
      return current;

    case 'string':
      if (node.kind === 'string') return node.value;
      if (node.kind !== 'null') typeError(st, node.kind, type);
      return current;

    case 'bool':
      if (node.kind === 'bool') return node.value;
      if (node.kind !== 'null') typeError(st, node.kind, type);
      return current;

    case 'int':
      if (node.kind === 'number') return decodeInt(st, node.literal, type, current);
      if (node.kind !== 'null') typeError(st, node.kind, type);
      return current;

    case 'bytes':
      switch (node.kind) {
        case 'null':
          return null;
        case 'string':
          try {
            return decodeGoBase64Std(node.value);
          } catch (e) {
            if (!(e instanceof GoBase64CorruptInputError)) throw e;
            saveError(st, e);
            return current;
          }
        case 'array': {
          const byteType: GoType = { kind: 'int', name: 'uint8', bits: 8, unsigned: true, big: false };
          const prev = current instanceof Uint8Array ? current : new Uint8Array(0);
          const bytes = node.items.map((item, i) => {
            st.path.push(`[${i}]`);
            const b = decodeValue(st, item, byteType, i < prev.length ? prev[i] : 0);
            st.path.pop();
            return b as number;
          });
          return Uint8Array.from(bytes);
        }
        default:
          typeError(st, node.kind, type);
          return current;
      }

    case 'slice': {
      if (node.kind === 'null') return null;
      if (node.kind !== 'array') {
        typeError(st, node.kind, type);
        return current;
      }
      // Go reuses existing elements (so struct elements merge) and truncates to the new length.
      const prev = Array.isArray(current) ? current : [];
      return node.items.map((item, i) => {
        st.path.push(`[${i}]`);
        const v = decodeValue(st, item, type.elem, i < prev.length ? prev[i] : zero(type.elem));
        st.path.pop();
        return v;
      });
    }

    case 'map': {
      if (node.kind === 'null') return null;
      if (node.kind !== 'object') {
        typeError(st, node.kind, type);
        return current;
      }
      // An existing map is extended; each member decodes into a fresh element (Go 1.19 adds no key to the error context).
      const map = current instanceof Map ? (current as Map<string, unknown>) : new Map<string, unknown>();
      for (const [key, value] of node.entries) {
        st.path.push(key);
        map.set(key, decodeValue(st, value, type.elem, zero(type.elem)));
        st.path.pop();
      }
      return map;
    }

    case 'struct':
      if (node.kind === 'object') return decodeStruct(st, node, type, current);
      if (node.kind !== 'null') typeError(st, node.kind, type);
      return current;
  }
}

/**
 * Go `json.Unmarshal` of an already parsed document into a value of the given type, starting from
 * `target` (Go decodes into existing values: pointers and structs merge, slices reuse elements).
 * Keys match struct fields as Go does (exact, then case-insensitive); unknown keys are ignored.
 *
 * Like Go, a type mismatch is remembered and decoding continues; the first one is thrown at the end as a
 * {@link GoJsonUnmarshalTypeError}. An error thrown by an unmarshaler hook aborts at once and wins.
 *
 * @example unmarshalGoJson(decodeGoJson('{"A":1}'), goStructType('x.T', [goField('A', goIntType())]))
 */
export function unmarshalGoJson<T>(
  node: GoJsonValue,
  type: GoType<T>,
  target: NoInfer<T> = zeroGoValue(type),
  options: UnmarshalGoJsonOptions = {},
): T {
  const st: DecodeState = { struct: null, fieldStack: [], saved: null, path: [], options };
  const value = decodeValue(st, node, type, target);
  if (st.saved !== null) throw st.saved;
  // The descriptor fixes the shape of what decodeValue builds.
  return value as T;
}
