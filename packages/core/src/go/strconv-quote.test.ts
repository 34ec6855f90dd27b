import { describe, expect, it } from 'vitest';
import { goQuote } from './strconv-quote.js';

// Expected values follow Go's strconv quotetests (src/strconv/quote_test.go).
describe('goQuote', () => {
  it.each([
    ['\u0007\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    ['abc\u00ffdef', '"abc\u00ffdef"'],
    ['\u263a', '"\u263a"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\u0004', '"\\x04"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['\u007f', '"\\x7f"'],
    ['a"b', '"a\\"b"'],
  ])('quotes %j', (input, want) => {
    expect(goQuote(input)).toBe(want);
  });
});
