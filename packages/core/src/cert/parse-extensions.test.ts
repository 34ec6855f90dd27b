import { describe, expect, it } from 'vitest';
import { DerError } from '../der/der-reader.js';
import { encodeBasicConstraints } from './encode-tbs-certificate.js';
import { parseBasicConstraints, parseSubjectAltNames } from './parse-extensions.js';
import { encodeSubjectAltNames } from './subject-alt-names.js';
import { ascii, bytesFromHex as h, hex, tlv } from '@cfssl-ts/test-support/der-builders';

// Test-local DER builder (X.690 §8.1.3), independent of core's der-writer.

// RFC 5280 §4.2.1.6 GeneralName tags: [1] rfc822Name, [2] dNSName, [6] URI, [7] iPAddress.
describe('parseSubjectAltNames (Go parseSANExtension)', () => {
  it('sorts GeneralNames into Go four lists, keeping order within each and ignoring other forms', () => {
    const value = tlv(
      0x30,
      tlv(0x82, ascii('a.example')),
      tlv(0x87, [10, 0, 0, 1]),
      tlv(0xa0, h('0603 2a0304'), tlv(0xa0, tlv(0x0c, ascii('other')))), // otherName
      tlv(0x81, ascii('ops@example.com')),
      tlv(0x86, ascii('spiffe://t/ns')),
      tlv(0xa4, tlv(0x30)), // directoryName
      tlv(0x82, ascii('b.example')),
      tlv(0x87, h('20010db8000000000000000000000001')),
    );
    const sans = parseSubjectAltNames(value);
    expect(sans.dnsNames).toEqual(['a.example', 'b.example']);
    expect(sans.emailAddresses).toEqual(['ops@example.com']);
    expect(sans.uris).toEqual(['spiffe://t/ns']);
    expect(sans.ipAddresses.map(hex)).toEqual(['0a000001', '20010db8000000000000000000000001']);
  });

  it('rejects an iPAddress that is neither 4 nor 16 bytes (Go: cannot parse IP address of length 5)', () => {
    expect(() => parseSubjectAltNames(tlv(0x30, tlv(0x87, [1, 2, 3, 4, 5])))).toThrow(DerError);
  });

  it.each([
    ['a SET instead of GeneralNames', tlv(0x31)],
    ['truncated GeneralNames', Uint8Array.of(0x30, 0x04, 0x82, 0x05, 0x61)],
    ['trailing data', Uint8Array.of(0x30, 0x00, 0x00)],
  ])('%s is a DerError', (_what, der) => {
    expect(() => parseSubjectAltNames(der)).toThrow(DerError);
  });

  // Regression test (formerly a bug in parse-extensions.ts parseSubjectAltNames): Go rejects a dNSName / rfc822Name / URI that is
  // not IA5 (ASCII) with "x509: SAN dNSName is malformed" (so cfssl answers 9003 for such a CSR);
  // here the bytes are decoded as Latin-1 and accepted.
  it('rejects a non-ASCII dNSName (Go: x509: SAN dNSName is malformed)', () => {
    expect(() => parseSubjectAltNames(tlv(0x30, tlv(0x82, [0x63, 0x61, 0x66, 0xe9])))).toThrow(DerError);
  });

  it('round-trips encodeSubjectAltNames (IPv4 in 4 bytes, IPv6 in 16)', () => {
    const sans = {
      dnsNames: ['a.example', '*.b.example'],
      emailAddresses: ['x@y.test'],
      ipAddresses: [Uint8Array.of(192, 0, 2, 1), h('fe800000000000000000000000000001')],
      uris: ['https://u.example/p', 'urn:x'],
    };
    const parsed = parseSubjectAltNames(encodeSubjectAltNames(sans));
    expect({ ...parsed, ipAddresses: parsed.ipAddresses.map(hex) }).toEqual({ ...sans, ipAddresses: sans.ipAddresses.map(hex) });
  });
});

// RFC 5280 §4.2.1.9; encodings from reference §5.8.
describe('parseBasicConstraints', () => {
  it.each([
    ['3000', false, -1],
    ['30030101ff', true, -1],
    ['30060101ff020100', true, 0],
    ['30060101ff020102', true, 2],
    ['3003020103', false, 3],
  ])('%s → isCa %s, maxPathLen %s', (value, isCa, maxPathLen) => {
    expect(parseBasicConstraints(h(value))).toEqual({ isCa, maxPathLen });
  });

  it('rejects trailing elements (cfssl: x509: trailing data after X.509 BasicConstraints)', () => {
    expect(() => parseBasicConstraints(h('30080101ff0201000500'))).toThrow(DerError);
    expect(() => parseBasicConstraints(h('300405000500'))).toThrow(DerError);
  });

  it('rejects a value that is not a SEQUENCE, or is truncated', () => {
    expect(() => parseBasicConstraints(h('0101ff'))).toThrow(DerError);
    expect(() => parseBasicConstraints(h('30030101'))).toThrow(DerError);
  });

  it('round-trips encodeBasicConstraints', () => {
    expect(parseBasicConstraints(encodeBasicConstraints(true, 0, true))).toEqual({ isCa: true, maxPathLen: 0 });
    expect(parseBasicConstraints(encodeBasicConstraints(true, 0, false))).toEqual({ isCa: true, maxPathLen: -1 });
    expect(parseBasicConstraints(encodeBasicConstraints(true, 7, false))).toEqual({ isCa: true, maxPathLen: 7 });
    expect(parseBasicConstraints(encodeBasicConstraints(false, -1, false))).toEqual({ isCa: false, maxPathLen: -1 });
  });
});
