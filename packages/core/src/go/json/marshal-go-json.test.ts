import { describe, expect, it } from 'vitest';
import { formatCfsslErrorJson } from './format-cfssl-error-json.js';
import { GoJsonUnsupportedValueError } from './go-json-errors.js';
import { goStruct } from './go-struct.js';
import { marshalGoJson, marshalGoJsonIndent } from './marshal-go-json.js';

describe('marshalGoJson', () => {
  it('sorts map keys and keeps struct order', () => {
    expect(marshalGoJson({ key: 'k', cert: 'c', csr: 's' })).toBe('{"cert":"c","csr":"s","key":"k"}');
    expect(
      marshalGoJson(
        new Map([
          ['b', 1],
          ['a', 2],
        ]),
      ),
    ).toBe('{"a":2,"b":1}');
    expect(marshalGoJson(goStruct({ success: true, result: null, errors: [], messages: [] }))).toBe(
      '{"success":true,"result":null,"errors":[],"messages":[]}',
    );
    expect(marshalGoJson({ b: 1, a: 2 }, { plainObjects: 'struct' })).toBe('{"b":1,"a":2}');
    expect(marshalGoJson(goStruct({ a: 1, omitted: undefined, b: 'x' }))).toBe('{"a":1,"b":"x"}');
    // byte order: U+FF5E sorts before U+1F600 (UTF-16 order would not)
    expect(marshalGoJson({ '\u{1f600}': 1, '\uff5e': 2, Z: 3, a: 4 })).toBe('{"Z":3,"a":4,"\uff5e":2,"\u{1f600}":1}');
  });

  // Go's encodeStringTests with escapeHTML (src/encoding/json/encode_test.go) and the reference §1.4.
  it('escapes strings like Go', () => {
    expect(marshalGoJson('Unit&2')).toBe('"Unit\\u00262"');
    expect(marshalGoJson('<script>')).toBe('"\\u003cscript\\u003e"');
    expect(marshalGoJson('-----BEGIN X-----\nAB\n')).toBe('"-----BEGIN X-----\\nAB\\n"');
    expect(marshalGoJson('\u0000\u0001\u0007\b\t\n\u000b\f\r\u001f')).toBe('"\\u0000\\u0001\\u0007\\u0008\\t\\n\\u000b\\u000c\\r\\u001f"');
    expect(marshalGoJson('"\\')).toBe('"\\"\\\\"');
    expect(marshalGoJson('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(marshalGoJson('\u007f\u00e9\u6771\u{1f600}')).toBe('"\u007f\u00e9\u6771\u{1f600}"');
    expect(marshalGoJson('a\ud800b\udc00')).toBe('"a\\ufffdb\\ufffd"');
    expect(marshalGoJson({ '<k>': 1 })).toBe('{"\\u003ck\\u003e":1}');
  });

  it('marshals scalars, bytes and arrays', () => {
    expect(marshalGoJson([true, false, null, undefined, 0, -1.5, 5200, 12345678901234567890n])).toBe(
      '[true,false,null,null,0,-1.5,5200,12345678901234567890]',
    );
    expect(marshalGoJson(new Uint8Array([1, 2, 3, 4]))).toBe('"AQIDBA=="');
    expect(marshalGoJson(1e21)).toBe('1e+21');
    expect(marshalGoJson(1e-7)).toBe('1e-7');
    expect(marshalGoJson(0.000001)).toBe('0.000001');
    expect(marshalGoJson(-0)).toBe('-0');
    expect(() => marshalGoJson(Number.NaN)).toThrow(new GoJsonUnsupportedValueError('json: unsupported value: NaN'));
    expect(() => marshalGoJson(-Infinity)).toThrow('json: unsupported value: -Inf');
  });
});

describe('marshalGoJsonIndent', () => {
  it('indents like json.MarshalIndent', () => {
    expect(marshalGoJsonIndent(goStruct({ a: [1, 2], b: {}, c: [], d: 'x,y:{' }), '', '  ')).toBe(
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {},\n  "c": [],\n  "d": "x,y:{"\n}',
    );
    expect(marshalGoJsonIndent({ a: { b: 'q"\\' } }, '>', '\t')).toBe('{\n>\t"a": {\n>\t\t"b": "q\\"\\\\"\n>\t}\n>}');
    expect(marshalGoJsonIndent([], '', '  ')).toBe('[]');
    expect(marshalGoJsonIndent(1, 'p', '  ')).toBe('1');
  });
});

describe('formatCfsslErrorJson', () => {
  it('prints cfssl error JSON', () => {
    expect(formatCfsslErrorJson(5200, 'invalid configuration')).toBe('{"code":5200,"message":"invalid configuration"}');
    // from golden case cfg-bad-backdate
    expect(formatCfsslErrorJson(5200, 'time: unknown unit " minutes" in duration "5 minutes"')).toBe(
      '{"code":5200,"message":"time: unknown unit \\" minutes\\" in duration \\"5 minutes\\""}',
    );
    // from golden case cfg-null-profile: no escaping of the apostrophe
    expect(formatCfsslErrorJson(5200, "can't parse nil profile")).toBe('{"code":5200,"message":"can\'t parse nil profile"}');
  });
});
