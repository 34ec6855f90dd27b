import { describe, expect, it } from 'vitest';
import { parseGoBool } from './parse-go-bool.js';

// Go's strconv atob_test.go table.
describe('parseGoBool (Go strconv.ParseBool)', () => {
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('%s is true', (text) => {
    expect(parseGoBool(text)).toBe(true);
  });
  it.each(['0', 'f', 'F', 'FALSE', 'false', 'False'])('%s is false', (text) => {
    expect(parseGoBool(text)).toBe(false);
  });
  it.each(['', 'asdf', 'tRuE', 'yes', 'on', ' true', '2'])('%j is a syntax error', (text) => {
    expect(parseGoBool(text)).toBeUndefined();
  });
});
