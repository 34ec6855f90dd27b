// cfssl errors.Error marshalled: {"code":N,"message":"..."} (struct field order, Go escaping).
import { goStruct } from './go-struct.js';
import { marshalGoJson } from './marshal-go-json.js';

/**
 * The JSON form cfssl prints for its errors (`errors.Error.Error()`).
 *
 * @example formatCfsslErrorJson(5200, 'invalid configuration') // '{"code":5200,"message":"invalid configuration"}'
 */
export function formatCfsslErrorJson(code: number, message: string): string {
  return marshalGoJson(goStruct({ code, message }));
}
