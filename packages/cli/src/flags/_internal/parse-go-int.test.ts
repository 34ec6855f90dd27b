import { describe, expect, it } from 'vitest';
import { parseGoInt } from './parse-go-int.js';

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
      expect(parseGoInt(text)).toEqual({ ok: true, value });
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
    it(`rejects ${JSON.stringify(text)} as a parse error`, () => {
      expect(parseGoInt(text)).toEqual({ ok: false, reason: 'parse error' });
    });
  }

  const range = ['9223372036854775808', '-9223372036854775809', '0x8000000000000000', '18446744073709551616'];
  for (const text of range) {
    it(`rejects ${JSON.stringify(text)} as out of range`, () => {
      expect(parseGoInt(text)).toEqual({ ok: false, reason: 'value out of range' });
    });
  }
});
