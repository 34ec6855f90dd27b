// Descriptions of Go types, enough for encoding/json decoding: kinds, reflect type names, struct fields.

/** A struct field as encoding/json sees it. */
export interface GoField {
  /** Go field name; the decoded struct value is keyed by it. */
  readonly goName: string;
  /** JSON name: the `json:"..."` tag name, or the Go field name when untagged (used in error paths). */
  readonly jsonName: string;
  readonly type: GoType;
  /** An exported field that is not part of the documented JSON schema (its key is reported when used). */
  readonly internal?: boolean;
}

/** Unmarshaler hook: Go's `UnmarshalJSON(raw)` on a value type; called for every JSON value, `null` included. */
export type GoUnmarshalJson = (raw: string, current: unknown) => unknown;

/** A Go type. `name` is Go's `reflect.Type.String()`, as printed in `... of type <name>`. */
export type GoType =
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

/** Go `string` (or a named string type). */
export function goStringType(name = 'string'): GoType {
  return { kind: 'string', name };
}

/** Go `bool`. */
export function goBoolType(name = 'bool'): GoType {
  return { kind: 'bool', name };
}

/** A Go integer type; `int` is 64-bit. */
export function goIntType(
  name = 'int',
  options: { bits?: 8 | 16 | 32 | 64; unsigned?: boolean; big?: boolean } = {},
): GoType {
  return { kind: 'int', name, bits: options.bits ?? 64, unsigned: options.unsigned ?? false, big: options.big ?? false };
}

/** Go `[]byte`: base64 in JSON, decoded to a Uint8Array. */
export function goBytesType(): GoType {
  return { kind: 'bytes', name: '[]uint8' };
}

/** Go `[]T`. */
export function goSliceType(elem: GoType, name = `[]${elem.name}`): GoType {
  return { kind: 'slice', name, elem };
}

/** Go `map[string]T`, decoded to a JS Map in first-key order. */
export function goMapType(elem: GoType, name = `map[string]${elem.name}`): GoType {
  return { kind: 'map', name, elem };
}

/** Go `*T`: `null` in JSON sets it to null, anything else allocates (or reuses) the target. */
export function goPointerType(elem: GoType): GoType {
  return { kind: 'pointer', name: `*${elem.name}`, elem };
}

/** A Go struct type; `name` is qualified (`config.SigningProfile`). */
export function goStructType(name: string, fields: readonly GoField[], options: { opaque?: boolean } = {}): GoType {
  const dot = name.lastIndexOf('.');
  return { kind: 'struct', name, shortName: name.slice(dot + 1), fields, opaque: options.opaque ?? false };
}

/** A struct field; `jsonTag` is the tag's name part (omit it for untagged fields). */
export function goField(goName: string, type: GoType, jsonTag?: string, options: { internal?: boolean } = {}): GoField {
  return { goName, jsonName: jsonTag ?? goName, type, ...(options.internal ? { internal: true } : {}) };
}

/** A Go interface type: `interface {}` accepts any JSON, a non-empty interface only `null`. */
export function goInterfaceType(name: string, empty: boolean): GoType {
  return { kind: 'interface', name, empty };
}

/** A Go value type with an `UnmarshalJSON` method (pointer receiver), e.g. `time.Time`. */
export function goUnmarshalerType(name: string, zero: () => unknown, unmarshal: GoUnmarshalJson): GoType {
  return { kind: 'unmarshaler', name, zero, unmarshal };
}
