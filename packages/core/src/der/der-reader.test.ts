import { describe, expect, it } from 'vitest';
import { DerError, decodeOid, decodeUnsignedInteger, expectChildren, readChildren, readSingle, readTlv } from './der-reader.js';
import { derInteger, derOid, derSequence, derSetOf, derUtf8String } from './der-writer.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

// X.690 §8.1 (BER/DER TLV) and §10.1 (DER: definite length, minimal octets).
describe('readTlv / readSingle: malformed input is a DerError', () => {
  it.each([
    ['empty input', []],
    ['a tag without a length', [0x30]],
    ['content shorter than the length', [0x04, 0x03, 0x01, 0x02]],
    ['a long-form length cut short', [0x04, 0x82, 0x01]],
    ['indefinite length (BER only, X.690 §10.1)', [0x30, 0x80, 0x05, 0x00, 0x00, 0x00]],
    ['long form for a length below 128 (X.690 §10.1)', [0x04, 0x81, 0x01, 0xaa]],
    ['a long-form length with a leading zero octet', [0x04, 0x82, 0x00, 0x81, ...new Array<number>(0x81).fill(0)]],
    ['more than four length octets', [0x04, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01, 0xaa]],
    ['a high-tag-number identifier', [0x1f, 0x81, 0x00, 0x00]],
  ])('%s', (_what, input) => {
    expect(() => readSingle(bytes(...input))).toThrow(DerError);
  });

  it('rejects trailing data after the single element (Go: "trailing data")', () => {
    expect(() => readSingle(bytes(0x05, 0x00, 0x00))).toThrow(DerError);
    expect(() => readSingle(bytes(0x05, 0x00, 0x05, 0x00))).toThrow(DerError);
  });

  it('accepts minimal long-form lengths and returns raw and content slices', () => {
    const content = new Array<number>(0x80).fill(0x41);
    const n = readSingle(bytes(0x04, 0x81, 0x80, ...content));
    expect(n.tag).toBe(0x04);
    expect(n.content.length).toBe(0x80);
    expect(n.raw.length).toBe(0x83);
    const big = new Array<number>(0x100).fill(0);
    expect(readSingle(bytes(0x04, 0x82, 0x01, 0x00, ...big)).content.length).toBe(0x100);
  });

  it('readTlv reports the offset after the element', () => {
    const buf = bytes(0x05, 0x00, 0x02, 0x01, 0x07);
    const first = readTlv(buf, 0);
    expect(first.next).toBe(2);
    const second = readTlv(buf, first.next);
    expect(second.node.tag).toBe(0x02);
    expect(hex(second.node.content)).toBe('07');
    expect(second.next).toBe(5);
  });
});

describe('readChildren / expectChildren', () => {
  it('splits a constructed value into its elements', () => {
    const seq = readSingle(bytes(0x30, 0x05, 0x02, 0x01, 0x01, 0x05, 0x00));
    expect(readChildren(seq).map((c) => c.tag)).toEqual([0x02, 0x05]);
  });

  it('throws DerError for a child that overruns its parent', () => {
    // SEQUENCE of length 3 holding an INTEGER that claims 2 content octets but has 1.
    const seq = readSingle(bytes(0x30, 0x03, 0x02, 0x02, 0x01));
    expect(() => readChildren(seq)).toThrow(DerError);
  });

  it('throws DerError for a wrong or missing tag', () => {
    expect(() => expectChildren(readSingle(bytes(0x31, 0x00)), 0x30, 'x')).toThrow(DerError);
    expect(() => expectChildren(undefined, 0x30, 'x')).toThrow(DerError);
    expect(expectChildren(readSingle(bytes(0x30, 0x00)), 0x30, 'x')).toEqual([]);
  });
});

// X.690 §8.19: OBJECT IDENTIFIER content; first octet 40*X+Y; base-128 arcs, minimal.
describe('decodeOid', () => {
  it.each([
    ['2a864886f70d010901', '1.2.840.113549.1.9.1'],
    ['550403', '2.5.4.3'],
    ['2b06010505070302', '1.3.6.1.5.5.7.3.2'],
    ['883703', '2.999.3'], // X.690 §8.19.5 example
    ['2b0601040182da4b2c', '1.3.6.1.4.1.44363.44'],
  ])('%s → %s', (content, dotted) => {
    expect(decodeOid(Uint8Array.from(Buffer.from(content, 'hex')))).toBe(dotted);
  });

  it.each([
    ['empty', []],
    ['a non-minimal arc (leading 0x80)', [0x2a, 0x80, 0x01]],
    ['a truncated last arc', [0x2a, 0x86]],
  ])('rejects %s', (_what, content) => {
    expect(() => decodeOid(bytes(...content))).toThrow(DerError);
  });

  it('round-trips what derOid encodes', () => {
    for (const oid of ['2.5.29.17', '1.2.840.10045.4.3.2', '1.3.6.1.4.1.311.10.3.3', '2.16.840.1.113730.4.1', '0.9.2342']) {
      expect(decodeOid(readSingle(derOid(oid)).content)).toBe(oid);
    }
  });
});

// X.690 §8.3: two's complement, minimal octets (§8.3.2).
describe('decodeUnsignedInteger', () => {
  it('decodes unsigned serial-sized values and rejects negative ones', () => {
    const twenty = new Array<number>(20).fill(0xff);
    twenty[0] = 0x7f;
    expect(decodeUnsignedInteger(bytes(...twenty))).toBe((1n << 159n) - 1n);
    expect(() => decodeUnsignedInteger(bytes(0x80))).toThrow(DerError);
    expect(() => decodeUnsignedInteger(bytes())).toThrow(DerError);
  });

  it('round-trips derInteger', () => {
    for (const v of [0n, 1n, 127n, 128n, 255n, 256n, (1n << 159n) - 1n]) {
      expect(decodeUnsignedInteger(readSingle(derInteger(v)).content)).toBe(v);
    }
  });

  // Regression test (formerly a bug in der-reader): X.690 §8.3.2 forbids a leading 0x00 before a byte < 0x80; Go's
  // asn1/cryptobyte reject it ("integer not minimally-encoded"), so Go's x509 refuses such a
  // serial number or pathLen. decodeUnsignedInteger accepts it.
  it('rejects a non-minimal INTEGER (X.690 §8.3.2)', () => {
    expect(() => decodeUnsignedInteger(bytes(0x00, 0x01))).toThrow(DerError);
  });
});

describe('round trips of what core encodes', () => {
  it('reads back nested SEQUENCE / SET OF structures byte for byte', () => {
    const inner = [derOid('2.5.4.3'), derUtf8String('x'.repeat(200))];
    const encoded = derSequence([derSetOf([derSequence(inner)]), derInteger(5)]);
    const root = readSingle(encoded);
    expect(hex(root.raw)).toBe(hex(encoded));
    const [set, int] = readChildren(root);
    expect(set!.tag).toBe(0x31);
    expect(decodeUnsignedInteger(int!.content)).toBe(5n);
    const [atv] = readChildren(set!);
    const [oid, value] = readChildren(atv!);
    expect(decodeOid(oid!.content)).toBe('2.5.4.3');
    expect(new TextDecoder().decode(value!.content)).toBe('x'.repeat(200));
  });
});
