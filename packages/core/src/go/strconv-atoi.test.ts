import { describe, expect, it } from 'vitest';
import { goAtoi, GoNumError } from './strconv-atoi.js';

describe('goAtoi', () => {
  it('parses like Go strconv.Atoi', () => {
    expect(goAtoi('0')).toBe(0n);
    expect(goAtoi('+1')).toBe(1n);
    expect(goAtoi('-2')).toBe(-2n);
    expect(goAtoi('007')).toBe(7n);
    expect(goAtoi('9223372036854775807')).toBe(9223372036854775807n);
    expect(goAtoi('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(goAtoi('00000000000000000000001')).toBe(1n);
  });

  // Messages from Go's NumError.Error(); the first two were observed from cfssl (config allowed_extensions).
  it.each([
    ['x', 'strconv.Atoi: parsing "x": invalid syntax'],
    ['', 'strconv.Atoi: parsing "": invalid syntax'],
    ['a1', 'strconv.Atoi: parsing "a1": invalid syntax'],
    ['99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['9223372036854775808', 'strconv.Atoi: parsing "9223372036854775808": value out of range'],
    ['-9223372036854775809', 'strconv.Atoi: parsing "-9223372036854775809": value out of range'],
    ['99999999999999999999x', 'strconv.Atoi: parsing "99999999999999999999x": value out of range'],
    ['x99999999999999999999', 'strconv.Atoi: parsing "x99999999999999999999": invalid syntax'],
    ['-', 'strconv.Atoi: parsing "-": invalid syntax'],
    [' 1', 'strconv.Atoi: parsing " 1": invalid syntax'],
    ['1_000', 'strconv.Atoi: parsing "1_000": invalid syntax'],
    ['2\\u002e3', 'strconv.Atoi: parsing "2\\\\u002e3": invalid syntax'],
    ['\u00e9\t', 'strconv.Atoi: parsing "\u00e9\\t": invalid syntax'],
  ])('rejects %j', (input, message) => {
    let error: unknown;
    try {
      goAtoi(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoNumError);
    expect(error).toHaveProperty('message', message);
  });
});
