import { describe, it, expect } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { encodePem } from '../pem/pem.js';
import { keyPairFromPrivateJwk } from './key-pair.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

describe('keyPairFromPrivateJwk', () => {
  it('builds the Ed25519 SPKI of RFC 8037 A.1 / RFC 8032 TEST 1', () => {
    const key = keyPairFromPrivateJwk({
      kty: 'OKP',
      crv: 'Ed25519',
      d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    });
    expect([key.algorithm, key.bits, key.curve]).toEqual(['ed25519', 256, undefined]);
    expect(hex(key.publicKeyBits)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(hex(key.spki)).toBe('302a300506032b6570032100' + 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });

  it('builds the P-256 SPKI of the RFC 7517 A.2 key and drops non-key members', () => {
    const jwk: JsonWebKey & { kid: string } = {
      kty: 'EC',
      crv: 'P-256',
      x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
      y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
      d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE',
      use: 'enc',
      kid: '1',
    };
    const key = keyPairFromPrivateJwk(jwk);
    expect([key.algorithm, key.bits, key.curve]).toEqual(['ecdsa', 256, 'P-256']);
    // As OpenSSL 3.0.19 encodes this JWK (RFC 5480 §2: id-ecPublicKey, prime256v1, uncompressed point).
    expect(encodePem('PUBLIC KEY', key.spki)).toBe(
      '-----BEGIN PUBLIC KEY-----\n' +
        'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEMKBCTNIcKUSDii11ySs3526iDZ8A\n' +
        'iTo7Tu6KPAqv7D7gS2XpJFbZiItSs3m9+9Ue6GnvHw/GW2ZZaVtszggXIw==\n' +
        '-----END PUBLIC KEY-----\n',
    );
    expect(key.privateJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
      y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
      d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE',
    });
  });

  it.each([
    [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' }],
    [{ kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA', d: 'AA' }],
    [{ kty: 'OKP', crv: 'X25519', x: 'AA', d: 'AA' }],
    [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }],
    [{ kty: 'oct', k: 'AA' }],
  ])('refuses %o with 2003', (jwk) => {
    expect(() => keyPairFromPrivateJwk(jwk)).toThrow(CfsslError);
    try {
      keyPairFromPrivateJwk(jwk);
    } catch (err) {
      expect((err as CfsslError).cfsslCode).toBe(2003);
    }
  });
});
