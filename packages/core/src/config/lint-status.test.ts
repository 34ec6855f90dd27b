import { describe, expect, it } from 'vitest';
import { unmarshalLintStatusJson } from './lint-status.js';

describe('unmarshalLintStatusJson', () => {
  it('accepts zlint status labels only', () => {
    expect(['"reserved"', '"NA"', '"NE"', '"pass"', '"info"', '"warn"', '"error"', '"fatal"'].map(unmarshalLintStatusJson)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(unmarshalLintStatusJson('"err"or"')).toBe(6);
    expect(() => unmarshalLintStatusJson('6')).toThrow('bad LintStatus JSON value: 6');
    expect(() => unmarshalLintStatusJson('"Error"')).toThrow('bad LintStatus JSON value: "Error"');
    expect(() => unmarshalLintStatusJson('null')).toThrow('bad LintStatus JSON value: null');
  });
});
