// Descriptions of Go types, enough for encoding/json decoding: kinds, reflect type names, struct fields.
// Each descriptor also carries, in its TypeScript type only, the value it decodes to: `GoValue<typeof T>`.

// Phantom key: never set at run time, it only carries a descriptor's decoded type.
declare const DECODES_TO: unique symbol;

/** A struct field as encoding/json sees it; `T` is the decoded type of its value. */
export interface GoField<N extends string = string, T = unknown> {
  /** Go field name; the decoded struct value is keyed by it. */
  readonly goName: N;
  /** JSON name: the `json:"..."` tag name, or the Go field name when untagged (used in error paths). */
  readonly jsonName: string;
  readonly type: GoType<T>;
  /** An exported field that is not part of the documented JSON schema (its key is reported when used). */
  readonly internal?: boolean;
}

/** Unmarshaler hook: Go's `UnmarshalJSON(raw)` on a value type; called for every JSON value, `null` included. */
export type GoUnmarshalJson<T = unknown> = (raw: string, current: T) => T;

/** The kinds of Go type the decoder knows; `name` is Go's `reflect.Type.String()`, as printed in `... of type <name>`. */
type GoTypeShape =
  | { readonly kind: 'string'; readonly name: string }
  | { readonly kind: 'bool'; readonly name: string }
  | {
      readonly kind: 'int';
      readonly name: string;
      readonly bits: 8 | 16 | 32 | 64;
      readonly unsigned: boolean;
      /** Decode to a bigint instead of a number. */
      readonly big: boolean;
    }
  | { readonly kind: 'bytes'; readonly name: string }
  | { readonly kind: 'slice'; readonly name: string; readonly elem: GoType }
  | { readonly kind: 'map'; readonly name: string; readonly elem: GoType }
  | { readonly kind: 'pointer'; readonly name: string; readonly elem: GoType }
  | {
      readonly kind: 'struct';
      readonly name: string;
      /** reflect.Type.Name(): the unqualified name used in `Go struct field <Name>.<path>`. */
      readonly shortName: string;
      readonly fields: readonly GoField[];
      /** Fields with unexported or unmodelled contents: keys are ignored without being reported. */
      readonly opaque: boolean;
    }
  | { readonly kind: 'interface'; readonly name: string; readonly empty: boolean }
  | { readonly kind: 'unmarshaler'; readonly name: string; readonly zero: () => unknown; readonly unmarshal: GoUnmarshalJson };

/** A Go type that decodes to a `T` (`null` stands for Go's nil slices, maps, pointers and interfaces). */
export type GoType<T = unknown> = GoTypeShape & { readonly [DECODES_TO]?: T };

/**
 * The value a Go type descriptor decodes to.
 *
 * @example
 * const T = goStructType('x.T', [goField('A', goIntType()), goField('B', goSliceType(goStringType()))]);
 * type TValue = GoValue<typeof T>; // { A: number; B: string[] | null }
 */
export type GoValue<G> = G extends GoType<infer T> ? T : never;

/** A decoded struct: each field's value under its Go name. */
type GoStructOf<F extends readonly GoField[]> = { [P in F[number] as P['goName']]: GoValue<P['type']> };

/** Go `string` (or a named string type). */
export function goStringType(name = 'string'): GoType<string> {
  return { kind: 'string', name };
}

/** Go `bool`. */
export function goBoolType(name = 'bool'): GoType<boolean> {
  return { kind: 'bool', name };
}

interface GoIntOptions {
  bits?: 8 | 16 | 32 | 64;
  unsigned?: boolean;
  /** Decode to a bigint (for values beyond 2^53, e.g. `time.Duration`). */
  big?: boolean;
}

/** A Go integer type; `int` is 64-bit. Decodes to a number, or to a bigint with `big: true`. */
export function goIntType(name?: string, options?: GoIntOptions & { big?: false }): GoType<number>;
export function goIntType(name: string, options: GoIntOptions & { big: true }): GoType<bigint>;
export function goIntType(name = 'int', options: GoIntOptions = {}): GoType<number | bigint> {
  return { kind: 'int', name, bits: options.bits ?? 64, unsigned: options.unsigned ?? false, big: options.big ?? false };
}

/** Go `[]byte`: base64 in JSON, decoded to a Uint8Array. */
export function goBytesType(): GoType<Uint8Array | null> {
  return { kind: 'bytes', name: '[]uint8' };
}

/** Go `[]T`. */
export function goSliceType<T>(elem: GoType<T>, name = `[]${elem.name}`): GoType<T[] | null> {
  return { kind: 'slice', name, elem };
}

/** Go `map[string]T`, decoded to a JS Map in first-key order. */
export function goMapType<T>(elem: GoType<T>, name = `map[string]${elem.name}`): GoType<Map<string, T> | null> {
  return { kind: 'map', name, elem };
}

/** Go `*T`: `null` in JSON sets it to null, anything else allocates (or reuses) the target. */
export function goPointerType<T>(elem: GoType<T>): GoType<T | null> {
  return { kind: 'pointer', name: `*${elem.name}`, elem };
}

/**
 * A Go struct type; `name` is qualified (`config.SigningProfile`). It decodes to an object with one
 * property per field, keyed by the Go field name.
 *
 * @example goStructType('csr.KeyRequest', [goField('A', goStringType(), 'algo'), goField('S', goIntType(), 'size')]) // decodes to { A: string; S: number }
 */
export function goStructType<const F extends readonly GoField[]>(
  name: string,
  fields: F,
  options: { opaque?: boolean } = {},
): GoType<GoStructOf<F>> {
  const dot = name.lastIndexOf('.');
  return { kind: 'struct', name, shortName: name.slice(dot + 1), fields, opaque: options.opaque ?? false };
}

/** A struct field; `jsonTag` is the tag's name part (omit it for untagged fields). */
export function goField<N extends string, T>(
  goName: N,
  type: GoType<T>,
  jsonTag?: string,
  options: { internal?: boolean } = {},
): GoField<N, T> {
  return { goName, jsonName: jsonTag ?? goName, type, ...(options.internal ? { internal: true } : {}) };
}

/** A Go interface type: `interface {}` accepts any JSON (decoded as Go does into `interface{}`), a non-empty interface only `null`. */
export function goInterfaceType(name: string, empty: true): GoType;
export function goInterfaceType(name: string, empty: false): GoType<null>;
export function goInterfaceType(name: string, empty: boolean): GoType {
  return { kind: 'interface', name, empty };
}

/** A Go value type with an `UnmarshalJSON` method (pointer receiver), e.g. `time.Time`. */
export function goUnmarshalerType<T>(name: string, zero: () => T, unmarshal: GoUnmarshalJson<T>): GoType<T> {
  // The decoder passes back only values this hook or `zero` produced.
  return { kind: 'unmarshaler', name, zero, unmarshal: unmarshal as GoUnmarshalJson };
}
