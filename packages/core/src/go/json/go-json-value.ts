// A parsed JSON document that keeps what Go's encoding/json needs: every object member in order
// (duplicates included), number literals as written, and the raw text of each value.

interface GoJsonBase {
  /** The value's exact source text (what Go passes to an UnmarshalJSON method). */
  readonly raw: string;
}

export interface GoJsonNull extends GoJsonBase {
  readonly kind: 'null';
}

export interface GoJsonBool extends GoJsonBase {
  readonly kind: 'bool';
  readonly value: boolean;
}

export interface GoJsonNumber extends GoJsonBase {
  readonly kind: 'number';
  /** The literal as written, e.g. `1.50`, `-0`, `1e3` (Go reports it in type errors). */
  readonly literal: string;
}

export interface GoJsonString extends GoJsonBase {
  readonly kind: 'string';
  /** The decoded string (Go unquote rules: invalid surrogate escapes become U+FFFD). */
  readonly value: string;
}

export interface GoJsonArray extends GoJsonBase {
  readonly kind: 'array';
  readonly items: readonly GoJsonValue[];
}

export interface GoJsonObject extends GoJsonBase {
  readonly kind: 'object';
  /** Members in document order; duplicate keys are all kept (Go applies them in order, so the last wins). */
  readonly entries: ReadonlyArray<readonly [key: string, value: GoJsonValue]>;
}

/** One JSON value as Go's decoder sees it. */
export type GoJsonValue = GoJsonNull | GoJsonBool | GoJsonNumber | GoJsonString | GoJsonArray | GoJsonObject;

/** The JSON type word Go uses in `json: cannot unmarshal <word> into ...` (`number` without its literal). */
export function goJsonTypeWord(value: GoJsonValue): 'null' | 'bool' | 'number' | 'string' | 'array' | 'object' {
  return value.kind;
}
