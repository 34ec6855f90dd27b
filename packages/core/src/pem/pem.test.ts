import { describe, expect, it } from 'vitest';
import { decodePemBlocks, encodePem } from './pem.js';

describe('PEM (RFC 7468) as Go encoding/pem writes it', () => {
  it('wraps at 64 columns and ends with a newline', () => {
    const pem = encodePem('CERTIFICATE', new Uint8Array(100).fill(0xff));
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines[3]).toHaveLength(8); // 100 bytes → 136 base64 characters: 64 + 64 + 8
    expect(lines[4]).toBe('-----END CERTIFICATE-----');
    expect(pem.endsWith('-----\n')).toBe(true);
  });

  it('round-trips every byte value and keeps headers', () => {
    const der = Uint8Array.from({ length: 256 }, (_, i) => i);
    const [block] = decodePemBlocks(encodePem('X', der));
    expect(Array.from(block!.der)).toEqual(Array.from(der));
    const enc = decodePemBlocks(
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n',
    );
    expect(enc[0]!.headers.get('Proc-Type')).toBe('4,ENCRYPTED');
  });
});
