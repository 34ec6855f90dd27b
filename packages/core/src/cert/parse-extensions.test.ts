import { describe, expect, it } from 'vitest';
import { DerError, readSingle } from '../der/der-reader.js';
import { derSequence } from '../der/der-writer.js';
import { encodeBasicConstraints } from './encode-tbs-certificate.js';
import { encodeExtension, type Extension } from './extension.js';
import { parseBasicConstraints, parseExtensionList, parseSubjectAltNames, parseSubjectKeyId } from './parse-extensions.js';
import { encodeSubjectAltNames } from './subject-alt-names.js';
import { ascii, bytesFromHex as h, hex, tlv } from '@cfssl-ts/test-support/der-builders';

// Test-local DER builder (X.690 §8.1.3), independent of core's der-writer.

// RFC 5280 §4.1: Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
describe('parseExtensionList', () => {
  const ku = tlv(0x30, h('0603551d0f'), h('0101ff'), tlv(0x04, h('03020106'))); // keyUsage, critical
  const ski = tlv(0x30, h('0603551d0e'), tlv(0x04, tlv(0x04, new Array<number>(20).fill(0xab))));

  it('reads OIDs, criticality (absent = FALSE) and values in order', () => {
    const list = parseExtensionList(readSingle(tlv(0x30, ku, ski)));
    expect(list.map((e) => [e.oid, e.critical, hex(e.value)])).toEqual([
      ['2.5.29.15', true, '03020106'],
      ['2.5.29.14', false, '0414' + 'ab'.repeat(20)],
    ]);
  });

  it('reads an explicitly encoded critical FALSE as non-critical', () => {
    const ext = tlv(0x30, h('0603551d13'), h('010100'), tlv(0x04, h('3000')));
    expect(parseExtensionList(readSingle(tlv(0x30, ext)))[0]!.critical).toBe(false);
  });

  it.each([
    ['a SET instead of SEQUENCE OF', tlv(0x31, ku)],
    ['an extension without extnValue', tlv(0x30, tlv(0x30, h('0603551d0f'), h('0101ff')))],
    ['an extension whose extnID is not an OID', tlv(0x30, tlv(0x30, tlv(0x04, [0x01]), tlv(0x04, [0x05, 0x00])))],
    ['an extnValue that is not an OCTET STRING', tlv(0x30, tlv(0x30, h('0603551d13'), tlv(0x03, [0x00, 0x30, 0x00])))],
    ['an empty extension', tlv(0x30, tlv(0x30))],
  ])('%s is a DerError', (_what, der) => {
    expect(() => parseExtensionList(readSingle(der))).toThrow(DerError);
  });

  it('round-trips encodeExtension (critical omitted when false: DER DEFAULT, X.690 §11.5)', () => {
    const exts: Extension[] = [
      { oid: '2.5.29.19', critical: true, value: h('30030101ff') },
      { oid: '1.3.6.1.5.5.7.48.1.5', critical: false, value: h('0500') },
      { oid: '1.2.3.4.5', critical: false, value: new Uint8Array(300).fill(7) },
    ];
    const encoded = derSequence(exts.map(encodeExtension));
    expect(hex(encodeExtension(exts[1]!))).toBe('300f' + '06092b0601050507300105' + '04020500');
    expect(parseExtensionList(readSingle(encoded)).map((e) => [e.oid, e.critical, hex(e.value)])).toEqual(
      exts.map((e) => [e.oid, e.critical, hex(e.value)]),
    );
  });
});

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

describe('parseSubjectKeyId', () => {
  it('returns the OCTET STRING contents', () => {
    expect(hex(parseSubjectKeyId(h('0403010203')))).toBe('010203');
  });
  it('rejects other types and trailing data', () => {
    expect(() => parseSubjectKeyId(h('0303000102'))).toThrow(DerError);
    expect(() => parseSubjectKeyId(h('040101ff'))).toThrow(DerError);
  });
});
