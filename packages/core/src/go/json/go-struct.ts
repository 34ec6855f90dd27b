// Marks a JS object as a Go struct for marshalGoJson: fields in insertion order instead of sorted map keys.

const GO_STRUCT = Symbol('goStruct');

/** A plain object marked to marshal like a Go struct. */
export type GoStruct<T extends object = Record<string, unknown>> = T & { readonly [GO_STRUCT]: true };

/**
 * Mark `fields` as a Go struct: {@link marshalGoJson} writes its keys in insertion order (Go struct
 * declaration order) and skips `undefined` values (use them for `omitempty` fields).
 *
 * @example marshalGoJson(goStruct({ code: 5200, message: 'x' })) // '{"code":5200,"message":"x"}'
 */
export function goStruct<T extends object>(fields: T): GoStruct<T> {
  return Object.defineProperty({ ...fields }, GO_STRUCT, { value: true, enumerable: false }) as GoStruct<T>;
}

/** True for objects made by {@link goStruct}. */
export function isGoStruct(value: unknown): value is GoStruct {
  return typeof value === 'object' && value !== null && (value as { [GO_STRUCT]?: true })[GO_STRUCT] === true;
}
