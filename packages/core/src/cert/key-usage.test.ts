import { describe, expect, it } from 'vitest';
import { KEY_USAGE, encodeKeyUsage } from './key-usage.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

// Expected bytes from reference §5.8 (verified on real cfssl output).
describe('encodeKeyUsage (Go marshalKeyUsage)', () => {
  it('trims unused trailing bits', () => {
    expect(hex(encodeKeyUsage(KEY_USAGE.digitalSignature | KEY_USAGE.keyEncipherment))).toBe('030205a0');
    expect(hex(encodeKeyUsage(KEY_USAGE.certSign | KEY_USAGE.crlSign))).toBe('03020106');
    expect(hex(encodeKeyUsage(KEY_USAGE.digitalSignature))).toBe('03020780');
  });

  it('uses a second byte only for decipherOnly', () => {
    expect(hex(encodeKeyUsage(0x1ff))).toBe('030307ff80');
    expect(hex(encodeKeyUsage(KEY_USAGE.decipherOnly))).toBe('0303070080');
  });
});
