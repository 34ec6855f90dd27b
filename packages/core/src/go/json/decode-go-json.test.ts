import { describe, expect, it } from 'vitest';
import { decodeGoJson } from './decode-go-json.js';
import { GoJsonSyntaxError } from './go-json-errors.js';

// Messages observed from Go 1.19.8 encoding/json (cfssl 1.2 `-config` load errors) and the reference §3.7.
const syntaxErrors: Array<[string, string]> = [
  ['nol', "invalid character 'o' in literal null (expecting 'u')"],
  ['tru\n', "invalid character '\\n' in literal true (expecting 'e')"],
  ['tru', "invalid character ' ' in literal true (expecting 'e')"],
  ['fals', "invalid character ' ' in literal false (expecting 'e')"],
  ['', 'unexpected end of JSON input'],
  [' ', 'unexpected end of JSON input'],
  ['{"a"', 'unexpected end of JSON input'],
  ['"abc', 'unexpected end of JSON input'],
  ['[1', 'unexpected end of JSON input'],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ['[1,]', "invalid character ']' looking for beginning of value"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{"a":1 2}', "invalid character '2' after object key:value pair"],
  ['{"a":[1 2]}', "invalid character '2' after array element"],
  ['{1:2}', "invalid character '1' looking for beginning of object key string"],
  ['"\\x"', "invalid character 'x' in string escape code"],
  ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
  ['"a\tb"', "invalid character '\\t' in string literal"],
  ['-x', "invalid character 'x' in numeric literal"],
  ['1.e', "invalid character 'e' after decimal point in numeric literal"],
  ['1e+', "invalid character ' ' in exponent of numeric literal"],
  ['01', "invalid character '1' after top-level value"],
  ['{} x', "invalid character 'x' after top-level value"],
  ['"\u00e9"x', "invalid character 'x' after top-level value"],
  ["'a'", "invalid character '\\'' looking for beginning of value"],
  ['\u00e9', "invalid character '\u00c3' looking for beginning of value"],
  ['\ufeff{}', "invalid character '\u00ef' looking for beginning of value"],
  ['x', "invalid character 'x' looking for beginning of value"],
  ['[\u007f]', "invalid character '\\x7f' looking for beginning of value"],
  ['{"a":"b"]', "invalid character ']' after object key:value pair"],
];

describe('decodeGoJson', () => {
  it.each(syntaxErrors)('rejects %j like Go', (input, message) => {
    let caught: unknown;
    try {
      decodeGoJson(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GoJsonSyntaxError);
    expect((caught as Error).message).toBe(message);
  });

  it('limits nesting to 10000 levels', () => {
    expect(() => decodeGoJson('['.repeat(10000) + ']'.repeat(10000))).not.toThrow();
    expect(() => decodeGoJson('['.repeat(10001))).toThrow("invalid character '[' exceeded max depth");
  });

  it('keeps member order, duplicates, literals and raw text', () => {
    const text = '{ "b" : [1.50, -0, 1e3], "a": {"x": null}, "b": true, "s": "x\\u0041" }';
    const v = decodeGoJson(text);
    expect(v.kind).toBe('object');
    if (v.kind !== 'object') return;
    expect(v.raw).toBe(text);
    expect(v.entries.map(([k]) => k)).toEqual(['b', 'a', 'b', 's']);
    const first = v.entries[0]?.[1];
    expect(first?.kind === 'array' && first.items.map((n) => n.raw)).toEqual(['1.50', '-0', '1e3']);
    expect(first?.raw).toBe('[1.50, -0, 1e3]');
    expect(v.entries[1]?.[1].raw).toBe('{"x": null}');
    expect(v.entries[2]?.[1]).toEqual({ kind: 'bool', value: true, raw: 'true' });
    expect(v.entries[3]?.[1]).toEqual({ kind: 'string', value: 'xA', raw: '"x\\u0041"' });
  });

  it('decodes top-level literals', () => {
    expect(decodeGoJson(' 12 ')).toEqual({ kind: 'number', literal: '12', raw: '12' });
    expect(decodeGoJson('null')).toEqual({ kind: 'null', raw: 'null' });
    expect(decodeGoJson('"x"')).toEqual({ kind: 'string', value: 'x', raw: '"x"' });
    expect(decodeGoJson('[]')).toEqual({ kind: 'array', items: [], raw: '[]' });
    expect(decodeGoJson('{}')).toEqual({ kind: 'object', entries: [], raw: '{}' });
  });

  it('unquotes strings with Go rules', () => {
    const str = (json: string): string => {
      const v = decodeGoJson(json);
      return v.kind === 'string' ? v.value : '';
    };
    expect(str('"\\"\\\\\\/\\b\\f\\n\\r\\t"')).toBe('"\\/\b\f\n\r\t');
    expect(str('"\\ud83d\\ude00"')).toBe('\u{1f600}');
    expect(str('"\\ud83d"')).toBe('\ufffd');
    expect(str('"\\ude00\\ud83d"')).toBe('\ufffd\ufffd');
    expect(str('"\\ud83dx"')).toBe('\ufffdx');
    expect(str('"\\ud83d\\u0041"')).toBe('\ufffdA');
    expect(str('"\u6771\u{1f600}"')).toBe('\u6771\u{1f600}');
    expect(str('"a\ud800b"')).toBe('a\ufffdb');
  });
});
