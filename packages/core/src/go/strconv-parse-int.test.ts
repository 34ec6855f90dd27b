import { describe, expect, it } from 'vitest';
import { GoNumError } from './strconv-atoi.js';
import { parseGoInt } from './strconv-parse-int.js';

// Expected values follow Go's strconv documentation for ParseInt(s, 0, 32): base prefixes 0x/0o/0b and
// a leading 0 (octal), underscores only between digits, range -2^31 .. 2^31-1.
describe('parseGoInt (Go strconv.ParseInt(s, 0, 32))', () => {
  it.each([
    ['3600', 3600],
    ['+3600', 3600],
    ['-60', -60],
    ['0x10', 16],
    ['0X1f', 31],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['0', 0],
    ['1_000', 1000],
    ['0x_1F', 31],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
    ['-0x80000000', -2147483648],
  ])('%j → %d', (s, n) => {
    expect(parseGoInt(s, 32)).toBe(BigInt(n));
  });

  it.each(['', '+', '-', 'abc', '08', '0x', ' 1', '1 ', '1.5', '_12', '12_', '1__2', '0b2', '١'])('%j is invalid syntax', (s) => {
    expect(() => parseGoInt(s, 32)).toThrow(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  });

  it.each(['2147483648', '-2147483649', '0x80000000', '99999999999999999999', '99999999999x'])('%j is out of range', (s) => {
    expect(() => parseGoInt(s, 32)).toThrow(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  });
});

// Cases from Go's strconv atoi_test.go (ParseInt with base 0, bitSize 64).
describe('parseGoInt (Go strconv.ParseInt(s, 0, 64))', () => {
  const valid: Array<[string, bigint]> = [
    ['0', 0n],
    ['-0', 0n],
    ['+0', 0n],
    ['1', 1n],
    ['-1', -1n],
    ['+1', 1n],
    ['12345', 12345n],
    ['-012345', -0o12345n],
    ['0x12345', 0x12345n],
    ['-0X12345', -0x12345n],
    ['98765432100', 98765432100n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['0o17', 15n],
    ['0O17', 15n],
    ['0b101', 5n],
    ['0B101', 5n],
    ['0777', 511n],
    ['0x_1_2_3_4_5', 0x12345n],
    ['-0x_1_2_3_4_5', -0x12345n],
    ['1_2_3_4_5', 12345n],
    ['-1_2_3_4_5', -12345n],
    ['0o_1_2_3_4_5', 0o12345n],
    ['-0o_1_2_3_4_5', -0o12345n],
    ['0b_1_0_1', 5n],
    ['-0b_1_0_1', -5n],
    ['0_1_2_3_4_5', 0o12345n],
  ];
  for (const [text, value] of valid) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      expect(parseGoInt(text, 64)).toBe(value);
    });
  }

  const syntax = [
    '',
    '+',
    '-',
    '12345x',
    '-12345x',
    '0x',
    '0b2',
    '08',
    '1.5',
    ' 1',
    '-_0x12345',
    '_-0x12345',
    '_0x12345',
    '0x__12345',
    '0x1__2345',
    '0x1234__5',
    '0x12345_',
    '-1__2_3_4_5',
    '-1_2__3_4_5',
    '-1_2_3_4__5',
    '-1_2_3_4_5_',
  ];
  for (const text of syntax) {
    it(`rejects ${JSON.stringify(text)} as a syntax error`, () => {
      expect(() => parseGoInt(text, 64)).toThrow(new GoNumError('ParseInt', text, 'invalid syntax'));
    });
  }

  const range = ['9223372036854775808', '-9223372036854775809', '0x8000000000000000', '18446744073709551616'];
  for (const text of range) {
    it(`rejects ${JSON.stringify(text)} as out of range`, () => {
      expect(() => parseGoInt(text, 64)).toThrow(new GoNumError('ParseInt', text, 'value out of range'));
    });
  }
});
