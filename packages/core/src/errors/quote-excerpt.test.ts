import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, quoteExcerpt } from './quote-excerpt.js';

describe('quoteExcerpt', () => {
  it('quotes a short input whole, as Go %q', () => {
    expect(quoteExcerpt('0x1\t0')).toBe('"0x1\\t0"');
    expect(quoteExcerpt('a'.repeat(EXCERPT_CHARS))).toBe(`"${'a'.repeat(EXCERPT_CHARS)}"`);
  });
  it('quotes a prefix and the length of a long input', () => {
    expect(quoteExcerpt('9'.repeat(100_000))).toBe(`"${'9'.repeat(EXCERPT_CHARS)}"... (100000 characters)`);
  });
});
