import { describe, expect, it } from 'vitest';
import { desCbcDecrypt, desCipher, tripleDesCipher } from './legacy-pem-decrypt-des.js';
import { bytesFromHex as bytes, hex } from '@cfssl-ts/test-support/der-builders';

describe('DES (FIPS 46-3)', () => {
  it('encrypts and decrypts the classic worked example (key 133457799BBCDFF1)', () => {
    const des = desCipher(bytes('133457799bbcdff1'));
    expect(hex(des.encryptBlock(bytes('0123456789abcdef')))).toBe('85e813540f0ab405');
    expect(hex(des.decryptBlock(bytes('85e813540f0ab405')))).toBe('0123456789abcdef');
  });

  it('matches NIST SP 800-17 variable-plaintext known answers (key 0101010101010101)', () => {
    const des = desCipher(bytes('0101010101010101'));
    expect(hex(des.encryptBlock(bytes('8000000000000000')))).toBe('95f8a5e5dd31d900');
    expect(hex(des.encryptBlock(bytes('4000000000000000')))).toBe('dd7f121ca5015619');
  });

  it('3DES EDE with K1 = K2 = K3 is single DES', () => {
    const k = bytes('133457799bbcdff1');
    const tdes = tripleDesCipher(bytes('133457799bbcdff1133457799bbcdff1133457799bbcdff1'));
    expect(hex(tdes.encryptBlock(bytes('0123456789abcdef')))).toBe(hex(desCipher(k).encryptBlock(bytes('0123456789abcdef'))));
  });

  it('decrypts CBC chaining (3DES, cross-checked with OpenSSL des-ede3-cbc)', () => {
    // printf 'sixteen byte msg' | openssl enc -des-ede3-cbc -nopad -K 0123456789abcdef23456789abcdef01456789abcdef0123 -iv 1122334455667788 | xxd -p
    const key = bytes('0123456789abcdef23456789abcdef01456789abcdef0123');
    const plain = desCbcDecrypt(tripleDesCipher(key), bytes('1122334455667788'), bytes('b957f422b4518aace8ef9a1beb18264c'));
    expect(new TextDecoder().decode(plain)).toBe('sixteen byte msg');
  });
});
