// Go strings.TrimSpace: trims Unicode White_Space (unlike String.prototype.trim, not U+FEFF; plus U+0085).

const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

/**
 * Go `strings.TrimSpace`: removes leading and trailing white space as defined by `unicode.IsSpace`.
 *
 * @example goTrimSpace('\u00a0ab\n') // 'ab'
 */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE, '');
}
