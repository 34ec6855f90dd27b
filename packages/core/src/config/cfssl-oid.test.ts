import { describe, expect, it } from 'vitest';
import { GoError } from '../go/go-error.js';
import { parseCfsslOid, unmarshalCfsslOidJson } from './cfssl-oid.js';

// Messages observed from cfssl (Go 1.19) loading allowed_extensions; golden cfg-allowed-extensions-bad-oid.
describe('cfssl OID parsing', () => {
  it('parses dotted OIDs, accepting Atoi signs and leading zeros', () => {
    expect(parseCfsslOid('1.3.6.1.4.1.99999.7')).toEqual({ id: '1.3.6.1.4.1.99999.7', arcs: [1, 3, 6, 1, 4, 1, 99999, 7] });
    expect(parseCfsslOid('+1.-2.007')).toEqual({ id: '1.-2.7', arcs: [1, -2, 7] });
  });

  it.each([
    ['abc', 'Invalid OID'],
    ['', 'Invalid OID'],
    ['1.2.x', 'strconv.Atoi: parsing "x": invalid syntax'],
    ['a1', 'strconv.Atoi: parsing "a1": invalid syntax'],
    ['1..2', 'strconv.Atoi: parsing "": invalid syntax'],
    ['99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
  ])('rejects %j', (text, message) => {
    let caught: unknown;
    try {
      parseCfsslOid(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GoError);
    expect((caught as Error).message).toBe(message);
  });

  it('unmarshals the raw JSON text', () => {
    expect(unmarshalCfsslOidJson('"2.5.29.17"').id).toBe('2.5.29.17');
    expect(() => unmarshalCfsslOidJson('1')).toThrow('OID JSON string not wrapped in quotes.1');
    expect(() => unmarshalCfsslOidJson('null')).toThrow('OID JSON string not wrapped in quotes.null');
    expect(() => unmarshalCfsslOidJson('"1.2\\u002e3"')).toThrow('strconv.Atoi: parsing "2\\\\u002e3": invalid syntax');
  });
});
