// Go encoding/json error types, with Go's Error() texts.
import { GoError } from '../go-error.js';

/** Go `*json.SyntaxError` (scanner failure): `invalid character 'x' after top-level value`, `unexpected end of JSON input`. */
export class GoJsonSyntaxError extends GoError {
  override name = 'GoJsonSyntaxError';
  /** Offset (UTF-16 units) of the character that failed, or the input length at end of input. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/**
 * Go `*json.UnmarshalTypeError`:
 * `json: cannot unmarshal string into Go struct field SigningProfile.signing.default.usages of type []string`
 * or, outside any struct field, `json: cannot unmarshal array into Go value of type config.Config`.
 */
export class GoJsonUnmarshalTypeError extends GoError {
  override name = 'GoJsonUnmarshalTypeError';
  /** `string`, `array`, `object`, `bool`, `number` or `number <literal>`. */
  readonly value: string;
  /** Go type name (reflect.Type.String()), e.g. `[]string`, `config.CAConstraint`. */
  readonly type: string;
  /** Name of the innermost struct type, or '' outside any struct. */
  readonly struct: string;
  /** Dotted JSON field names from the top-level value down, or ''. */
  readonly field: string;

  constructor(value: string, type: string, struct = '', field = '') {
    super(
      struct !== '' || field !== ''
        ? `json: cannot unmarshal ${value} into Go struct field ${struct}.${field} of type ${type}`
        : `json: cannot unmarshal ${value} into Go value of type ${type}`,
    );
    this.value = value;
    this.type = type;
    this.struct = struct;
    this.field = field;
  }
}

/** Go `*json.UnsupportedValueError` from Marshal (NaN, ±Inf). */
export class GoJsonUnsupportedValueError extends GoError {
  override name = 'GoJsonUnsupportedValueError';
}
