import { describe, expect, it } from 'vitest';
import { encodeBasicConstraints } from './encode-tbs-certificate.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

// reference §5.8: leaf 30 00; CA without pathlen 30 03 01 01 FF; CA pathlen n 30 06 01 01 FF 02 01 0n.
describe('encodeBasicConstraints (Go marshalBasicConstraints)', () => {
  it('encodes a leaf as an empty SEQUENCE', () => {
    expect(hex(encodeBasicConstraints(false, -1, false))).toBe('3000');
    expect(hex(encodeBasicConstraints(false, 0, false))).toBe('3000');
  });
  it('omits pathLen for a CA with max_path_len 0 unless max_path_len_zero', () => {
    expect(hex(encodeBasicConstraints(true, 0, false))).toBe('30030101ff');
    expect(hex(encodeBasicConstraints(true, 0, true))).toBe('30060101ff020100');
    expect(hex(encodeBasicConstraints(true, 2, false))).toBe('30060101ff020102');
  });
});
