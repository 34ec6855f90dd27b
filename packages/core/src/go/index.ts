/**
 * `@cfssl-ts/core/go`: the Go semantics cfssl's input and output depend on, one module per Go function.
 * cfssl reads JSON with Go's encoding/json and prints Go's values and error texts, so a tool that must
 * read and print byte for byte like cfssl (the CLI, the layout adapter) uses these; the PKI API itself
 * is `@cfssl-ts/core`. The error classes here carry Go's exact text as their `message`.
 *
 * @example
 * import { decodeGoJson, goField, goIntType, goStructType, unmarshalGoJson } from '@cfssl-ts/core/go';
 * const T = goStructType('main.T', [goField('Size', goIntType(), 'size')]);
 * unmarshalGoJson(decodeGoJson('{"SIZE":2}'), T).Size; // 2 (Go matches keys case-insensitively)
 *
 * @packageDocumentation
 */

// Go error values
export { GoError } from './go-error.js';

// encoding/json: parsing and decoding into described Go types
export { decodeGoJson } from './json/decode-go-json.js';
export { jsonTextOf } from './json/json-text-of.js';
export type { GoJsonValue } from './json/go-json-value.js';
export { unmarshalGoJson, zeroGoValue, type UnmarshalGoJsonOptions } from './json/struct-decoder.js';
export { GoJsonSyntaxError, GoJsonUnmarshalTypeError, GoJsonUnsupportedValueError } from './json/go-json-errors.js';
export {
  goBoolType,
  goBytesType,
  goField,
  goIntType,
  goInterfaceType,
  goMapType,
  goPointerType,
  goSliceType,
  goStringType,
  goStructType,
  goUnmarshalerType,
  type GoField,
  type GoType,
  type GoUnmarshalJson,
  type GoValue,
} from './json/go-type.js';

// encoding/json: marshalling
export { marshalGoJson, marshalGoJsonIndent, type MarshalGoJsonOptions } from './json/marshal-go-json.js';
export { goStruct, type GoStruct } from './json/go-struct.js';
export { formatCfsslErrorJson } from './json/format-cfssl-error-json.js';

// encoding/base64
export { decodeGoBase64Std, GoBase64CorruptInputError } from './base64-std-decode.js';
export { encodeGoBase64Std } from './base64-std-encode.js';

// strconv: quoting and integers
export { goQuote } from './strconv-quote.js';
export { goAtoi, GoNumError, type GoNumErrorReason } from './strconv-atoi.js';
export { parseGoInt } from './strconv-parse-int.js';

// time: durations
export { parseGoDuration, formatGoDuration, GoDurationError } from './parse-duration.js';
export { GoTimeParseError, unmarshalGoJsonTime } from './unmarshal-json-time.js';

// net and net/url
export { parseGoIp, formatGoIp } from './parse-ip.js';
export { parseGoRequestUri, type GoRequestUri } from './parse-request-uri.js';

// regexp
export { compileGoRegexp, GoRegexpError } from './go-regexp.js';

// os: *PathError texts for failed file operations
export { formatGoPathError, goErrnoText } from './go-path-error.js';
