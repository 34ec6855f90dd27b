import { describe, expect, it } from 'vitest';
import { standardAuthToken } from './standard-auth-token.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('standardAuthToken (HMAC-SHA256)', () => {
  it('matches RFC 4231 test case 2', async () => {
    expect(hex(await standardAuthToken(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('depends on every byte of the request', async () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
    expect(hex(await standardAuthToken(key, utf8('{"a":1}')))).not.toBe(hex(await standardAuthToken(key, utf8('{"a":2}'))));
  });
});
