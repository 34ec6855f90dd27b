// A user's input named in an error message, bounded: Go's strconv.NumError quotes the whole input,
// which for a 100,000-digit value buries the message; cfssl-ts quotes a prefix and the length.
import { goQuote } from '../go/strconv-quote.js';

/** Inputs longer than this are quoted by their first {@link EXCERPT_CHARS} characters. */
export const EXCERPT_CHARS = 40;

/**
 * Go `%q` of `input` when it is at most {@link EXCERPT_CHARS} characters; else the quoted prefix,
 * `...` and the length.
 *
 * @example quoteExcerpt('12x') // '"12x"'
 * @example quoteExcerpt('9'.repeat(100000)) // '"999…(40 nines)"... (100000 characters)'
 */
export function quoteExcerpt(input: string): string {
  if (input.length <= EXCERPT_CHARS) return goQuote(input);
  return `${goQuote(input.slice(0, EXCERPT_CHARS))}... (${input.length} characters)`;
}
