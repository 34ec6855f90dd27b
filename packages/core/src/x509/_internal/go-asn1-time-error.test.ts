// encoding/asn1's time errors, as real cfssl 1.2 (Go 1.19) printed them for these values in a CSR subject
// (test/interop/certinfo-crafted.test.ts checks the whole table against the installed cfssl).
import { describe, expect, it } from 'vitest';
import { goAsn1TimeError } from './go-asn1-time-error.js';

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('goAsn1TimeError', () => {
  it.each([
    ['NL', false, 'parsing time "NL" as "060102150405Z0700": cannot parse "NL" as "06"'],
    ['\xe9', false, 'parsing time "\\xe9" as "060102150405Z0700": cannot parse "\\xe9" as "06"'],
    ['9913312359Z', false, 'parsing time "9913312359Z": month out of range'],
    ['990231235959Z', false, 'parsing time "990231235959Z": day out of range'],
    ['991231235959Zx', false, 'parsing time "991231235959Zx": extra text: "x"'],
    ['991231235959+1+01', false, 'parsing time "991231235959+1+01" as "060102150405Z0700": cannot parse "" as "Z0700"'],
    [
      '991231235959+0000',
      false,
      'asn1: time did not serialize back to the original value and may be invalid: given "991231235959+0000", but serialized as "991231235959Z"',
    ],
    [
      '9912312359.5Z',
      false,
      'asn1: time did not serialize back to the original value and may be invalid: given "9912312359.5Z", but serialized as "991231235900Z"',
    ],
    ['2a201231235959Z', true, 'parsing time "2a201231235959Z" as "20060102150405Z0700": cannot parse "1231235959Z" as "2006"'],
  ])('%j (generalized: %s)', (value, generalized, message) => {
    expect(goAsn1TimeError(latin1(value), generalized)).toBe(message);
  });

  it('is null for what Go accepts, zone offsets beyond 24 hours included', () => {
    for (const v of ['991231235959Z', '9912312359Z', '991231235959+2500', '991231235959+9959'])
      expect(goAsn1TimeError(latin1(v), false)).toBeNull();
    expect(goAsn1TimeError(latin1('99991231235959-9959'), true)).toBeNull();
  });
});
