import { describe, expect, it } from 'vitest';
import { parseGoInt32Base0 } from './strconv-parse-int.js';

// Expected values follow Go's strconv documentation for ParseInt(s, 0, 32): base prefixes 0x/0o/0b and
// a leading 0 (octal), underscores only between digits, range -2^31 .. 2^31-1.
describe('parseGoInt32Base0 (Go strconv.ParseInt(s, 0, 32))', () => {
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
    expect(parseGoInt32Base0(s)).toBe(n);
  });

  it.each(['', '+', '-', 'abc', '08', '0x', ' 1', '1 ', '1.5', '_12', '12_', '1__2', '0b2', '١'])('%j is invalid syntax', (s) => {
    expect(() => parseGoInt32Base0(s)).toThrow(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  });

  it.each(['2147483648', '-2147483649', '0x80000000', '99999999999999999999', '99999999999x'])('%j is out of range', (s) => {
    expect(() => parseGoInt32Base0(s)).toThrow(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  });
});
