// Inputs given as objects are marshalled to JSON text first, so they decode with exactly Go's encoding/json rules.
import { GoJsonUnsupportedValueError } from './go-json-errors.js';

/**
 * `input` itself when it is JSON text, else its `JSON.stringify` text; a value JSON cannot carry (a BigInt,
 * a cycle, `undefined`, a function) is Go's `json: unsupported value` error.
 *
 * @example jsonTextOf({ CN: 'x', key: { algo: 'rsa' } }) // '{"CN":"x","key":{"algo":"rsa"}}'
 */
export function jsonTextOf(input: unknown): string {
  if (typeof input === 'string') return input;
  let text: string | undefined;
  try {
    // JSON.stringify gives undefined for undefined, a function or a symbol (its lib type says string).
    const stringify: (value: unknown) => string | undefined = JSON.stringify;
    text = stringify(input);
  } catch (e) {
    throw new GoJsonUnsupportedValueError(`json: unsupported value: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (text === undefined) throw new GoJsonUnsupportedValueError(`json: unsupported value: ${typeof input}`);
  return text;
}
