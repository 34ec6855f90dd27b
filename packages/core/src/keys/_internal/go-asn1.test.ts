import { describe, it, expect } from 'vitest';
import { DerError, readSingle } from '../../der/der-reader.js';
import { bitStringValue, int64Value, integerValue } from './go-asn1.js';

const node = (...bytes: number[]) => readSingle(Uint8Array.from(bytes));

describe('Go encoding/asn1 field rules', () => {
  // Cases from Go's encoding/asn1 asn1_test.go (int64TestData, bigIntTests, bitStringTestData).
  it('decodes signed INTEGERs', () => {
    expect(integerValue(node(0x02, 0x01, 0x00), 'i')).toBe(0n);
    expect(integerValue(node(0x02, 0x01, 0x7f), 'i')).toBe(127n);
    expect(integerValue(node(0x02, 0x02, 0x00, 0x80), 'i')).toBe(128n);
    expect(integerValue(node(0x02, 0x01, 0x80), 'i')).toBe(-128n);
    expect(integerValue(node(0x02, 0x02, 0xff, 0x7f), 'i')).toBe(-129n);
  });

  it('rejects empty and non-minimal INTEGERs', () => {
    expect(() => integerValue(node(0x02, 0x00), 'i')).toThrow(DerError);
    expect(() => integerValue(node(0x02, 0x02, 0x00, 0x7f), 'i')).toThrow(/not minimally-encoded/);
    expect(() => integerValue(node(0x02, 0x02, 0xff, 0xf0), 'i')).toThrow(/not minimally-encoded/);
    expect(() => integerValue(node(0x04, 0x01, 0x00), 'i')).toThrow(DerError);
  });

  it('limits Go int fields to 64 bits', () => {
    expect(int64Value(node(0x02, 0x08, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 'i')).toBe((1n << 63n) - 1n);
    expect(() => int64Value(node(0x02, 0x09, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0), 'i')).toThrow(/too large/);
  });

  it('checks BIT STRING padding', () => {
    expect(bitStringValue(node(0x03, 0x02, 0x06, 0x40), 'b')).toEqual({ bytes: Uint8Array.of(0x40), bitLength: 2 });
    expect(() => bitStringValue(node(0x03, 0x00), 'b')).toThrow(DerError);
    expect(() => bitStringValue(node(0x03, 0x02, 0x08, 0x00), 'b')).toThrow(DerError);
    expect(() => bitStringValue(node(0x03, 0x01, 0x01), 'b')).toThrow(DerError);
    expect(() => bitStringValue(node(0x03, 0x02, 0x01, 0x01), 'b')).toThrow(/padding/);
  });
});
