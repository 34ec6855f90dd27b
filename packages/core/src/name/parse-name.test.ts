import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DerError, readChildren, readSingle } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { emptyName, NAME_OID, type DistinguishedName } from './distinguished-name.js';
import { encodeName } from './encode-name.js';
import { isCommonAttribute, parseName } from './parse-name.js';
import { rdn, tlv, utf8 as text } from '@cfssl-ts/test-support/der-builders';

// Test-local DER builder (X.690 §8.1.3 definite lengths), independent of core's der-writer.
const oid = (hex: string): Uint8Array => tlv(0x06, [...Buffer.from(hex, 'hex')]);
const OID_HEX = { CN: '550403', C: '550406', O: '55040a', SERIAL: '550405', EMAIL: '2a864886f70d010901', TITLE: '55040c' };
const atv = (oidHex: string, tag: number, value: string): Uint8Array => tlv(0x30, oid(oidHex), tlv(tag, text(value)));
const nameDer = (...rdns: Uint8Array[]): Uint8Array => tlv(0x30, ...rdns);

const testdata = new URL('../issue/testdata/', import.meta.url);
const certDer = (file: string): Uint8Array => decodePemBlocks(readFileSync(new URL(file, testdata), 'utf8'))[0]!.der;
// TBSCertificate fields: [0] version, serial, signature, issuer, validity, subject, ...
const subjectNodeOf = (der: Uint8Array) => readChildren(readChildren(readSingle(der))[0]!)[5]!;

describe('parseName: Go pkix.Name.FillFromRDNSequence (+ cfssl extra attributes)', () => {
  it('reads an OpenSSL-made subject (san-edge-leaf.pem) into the pkix.Name fields', () => {
    const parsed = parseName(subjectNodeOf(certDer('san-edge-leaf.pem')).raw);
    const expected: DistinguishedName = {
      ...emptyName(),
      country: ['US', 'CA'],
      province: ['Quebec'],
      locality: ['Montreal'],
      organization: ['Org One', 'Org Two', 'Org Three'],
      organizationalUnit: ['Unit'],
      commonName: 'edge.example',
      serialNumber: 'SN-42',
      // cfssl signer.ParseCertificateRequest keeps non-standard attributes (isCommonAttr false).
      extraNames: [{ oid: NAME_OID.emailAddress, value: 'e@x.test' }],
    };
    expect(parsed.name).toEqual(expected);
    expect(parsed.rdns.length).toBe(11);
    expect(parsed.attributes.map((a) => a.oid)).toEqual([
      '2.5.4.6',
      '2.5.4.6',
      '2.5.4.8',
      '2.5.4.7',
      '2.5.4.10',
      '2.5.4.10',
      '2.5.4.10',
      '2.5.4.11',
      '2.5.4.3',
      '2.5.4.5',
      '1.2.840.113549.1.9.1',
    ]);
  });

  it('keeps the raw bytes of the name (issuers are copied, never re-encoded)', () => {
    const der = nameDer(rdn(atv(OID_HEX.C, 0x13, 'US')), rdn(atv(OID_HEX.CN, 0x0c, 'Zorg')));
    const parsed = parseName(der);
    expect(Buffer.from(parsed.raw).equals(Buffer.from(der))).toBe(true);
    expect(parsed.name.commonName).toBe('Zorg');
  });

  it('lets the last CN and serialNumber win and accumulates repeated attributes', () => {
    const parsed = parseName(
      nameDer(
        rdn(atv(OID_HEX.CN, 0x13, 'first')),
        rdn(atv(OID_HEX.O, 0x13, 'A'), atv(OID_HEX.O, 0x0c, 'B')),
        rdn(atv(OID_HEX.SERIAL, 0x13, '1')),
        rdn(atv(OID_HEX.CN, 0x0c, 'second')),
        rdn(atv(OID_HEX.SERIAL, 0x13, '2')),
      ),
    );
    expect(parsed.name.commonName).toBe('second');
    expect(parsed.name.serialNumber).toBe('2');
    expect(parsed.name.organization).toEqual(['A', 'B']);
    expect(parsed.rdns.map((r) => r.length)).toEqual([1, 2, 1, 1, 1]);
  });

  it('puts attributes outside Go named fields into extraNames, in order', () => {
    const parsed = parseName(nameDer(rdn(atv(OID_HEX.TITLE, 0x13, 'Boss')), rdn(atv(OID_HEX.EMAIL, 0x16, 'a@b.test'))));
    expect(parsed.name.extraNames).toEqual([
      { oid: '2.5.4.12', value: 'Boss' },
      { oid: '1.2.840.113549.1.9.1', value: 'a@b.test' },
    ]);
  });

  it('skips non-string values for the named fields (Go: value.(string) not ok)', () => {
    const parsed = parseName(nameDer(rdn(tlv(0x30, oid(OID_HEX.CN), tlv(0x02, [0x05])))));
    expect(parsed.name.commonName).toBe('');
    expect(parsed.attributes).toEqual([{ oid: '2.5.4.3', value: null }]);
  });

  it('parses the empty name', () => {
    expect(parseName(Uint8Array.of(0x30, 0x00)).name).toEqual(emptyName());
  });
});

describe('isCommonAttribute (cfssl signer isCommonAttr: 2.5.4.{3,5,6,7,8,9,10,11,17})', () => {
  it.each(['2.5.4.3', '2.5.4.5', '2.5.4.6', '2.5.4.7', '2.5.4.8', '2.5.4.9', '2.5.4.10', '2.5.4.11', '2.5.4.17'])('%s is common', (o) => {
    expect(isCommonAttribute(o)).toBe(true);
  });
  it.each(['2.5.4.4', '2.5.4.12', '2.5.4.15', '2.5.4.18', '1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25'])('%s is not', (o) => {
    expect(isCommonAttribute(o)).toBe(false);
  });
});

describe('parseName: malformed input gives DerError', () => {
  it.each([
    ['a SET instead of the Name SEQUENCE', tlv(0x31)],
    ['an RDN that is a SEQUENCE, not a SET', nameDer(tlv(0x30, atv(OID_HEX.CN, 0x13, 'x')))],
    ['a truncated Name', Uint8Array.of(0x30, 0x05, 0x31, 0x03)],
    ['trailing data after the Name', Uint8Array.of(0x30, 0x00, 0x00)],
    ['invalid UTF-8 in a UTF8String value', nameDer(rdn(tlv(0x30, oid(OID_HEX.CN), tlv(0x0c, [0xc3]))))],
    ['an ATV that is not a SEQUENCE', nameDer(rdn(tlv(0x04, [0x01])))],
  ])('%s', (_what, der) => {
    expect(() => parseName(der)).toThrow(DerError);
  });

  // Regression test (formerly a bug in parse-name.ts): an AttributeTypeAndValue without a value, or whose type is
  // not an OID, throws a plain Error('asn1: structure error: AttributeTypeAndValue') instead of
  // DerError, so callers that map DerError to cfssl codes (9003 for CSRs, 1003 for CA certificates)
  // let it escape as an unexpected exception.
  it('an AttributeTypeAndValue with only a type is a DerError', () => {
    expect(() => parseName(nameDer(rdn(tlv(0x30, oid(OID_HEX.CN)))))).toThrow(DerError);
  });
  it('an AttributeTypeAndValue whose type is not an OID is a DerError', () => {
    expect(() => parseName(nameDer(rdn(tlv(0x30, tlv(0x13, text('x')), tlv(0x13, text('y'))))))).toThrow(DerError);
  });
});

describe('round trip: parseName(encodeName(name))', () => {
  it('returns every field and the exact bytes core wrote', () => {
    const name: DistinguishedName = {
      country: ['NL', 'BE'],
      province: ['Utrecht'],
      locality: ['Utrecht'],
      streetAddress: ['Main St 1'],
      postalCode: ['3500'],
      organization: ['Zed', 'Alpha', 'Bb'],
      organizationalUnit: ['Ops & Dev'],
      commonName: 'rt.example',
      serialNumber: 'SN-1',
      extraNames: [
        { oid: '2.5.4.15', value: 'Device' },
        { oid: NAME_OID.emailAddress, value: 'rt@example.test' },
      ],
    };
    const der = encodeName(name);
    const parsed = parseName(der);
    expect(Buffer.from(parsed.raw).equals(Buffer.from(der))).toBe(true);
    // Multi-valued RDN members come back in DER SET OF order (reference §5.3: Bb, Zed, Alpha).
    expect(parsed.name).toEqual({ ...name, country: ['BE', 'NL'], organization: ['Bb', 'Zed', 'Alpha'] });
    expect(parsed.rdns.map((r) => r.length)).toEqual([2, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1]);
  });
});
