import { describe, expect, it } from 'vitest';
import { derInteger, derOid, derSetOf, derUnsignedInteger, isMarshalableOid, oidContent, tlv } from './der-writer.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

describe('DER writer', () => {
  it('encodes INTEGER minimally with a sign byte when the top bit is set (X.690 §8.3)', () => {
    expect(hex(derInteger(0))).toBe('020100');
    expect(hex(derInteger(127))).toBe('02017f');
    expect(hex(derInteger(128))).toBe('02020080');
    expect(hex(derInteger(256))).toBe('02020100');
    expect(hex(derUnsignedInteger(Uint8Array.of(0, 0, 0x80)))).toBe('02020080');
  });

  it('encodes OIDs with base-128 arcs (X.690 §8.19)', () => {
    expect(hex(derOid('1.2.840.113549.1.1.11'))).toBe('06092a864886f70d01010b');
    expect(hex(derOid('2.5.29.17'))).toBe('0603551d11');
    expect(hex(derOid('1.3.6.1.4.1.311.10.3.3'))).toBe('060a2b0601040182370a0303');
  });

  it('uses long-form lengths from 128 bytes on', () => {
    expect(hex(tlv(0x04, new Uint8Array(128))).slice(0, 6)).toBe('048180');
    expect(hex(tlv(0x04, new Uint8Array(300))).slice(0, 8)).toBe('0482012c');
  });

  it('sorts SET OF members by their encodings (X.690 §11.6)', () => {
    const a = Uint8Array.of(0x04, 0x02, 0x00, 0x01);
    const b = Uint8Array.of(0x04, 0x01, 0xff);
    expect(hex(derSetOf([a, b]))).toBe('310704' + '01ff' + '04020001');
  });
});

describe('isMarshalableOid / oidContent (Go encoding/asn1 isValidObjectIdentifier, X.690 §8.19.4)', () => {
  it.each(['1.2', '2.5.29.17', '2.999.1', '0.39', '1.39.5', '2.40', '1.2.99999999999999999999999'])('accepts %s', (oid) => {
    expect(isMarshalableOid(oid)).toBe(true);
  });

  it.each(['3.1', '1.40', '0.45', '1', '', '1.2.-3', '1..2', '99999999999999999999999.1', '1.2.x'])('refuses %j with Go text', (oid) => {
    expect(isMarshalableOid(oid)).toBe(false);
    expect(() => oidContent(oid)).toThrow('asn1: structure error: invalid object identifier');
  });

  it('encodes big arcs exactly (no rounding through Number)', () => {
    expect(Array.from(oidContent('2.999.18446744073709551616'), (b) => b.toString(16).padStart(2, '0')).join('')).toBe(
      '8837' + '82808080808080808000',
    );
  });
});
