import { describe, expect, it } from 'vitest';
import { CfsslError } from '../../errors/cfssl-error.js';
import { decodePemBlocks, type PemBlock } from '../../pem/pem.js';
import { importPrivateKeyPem } from '../import-private-key.js';
import { decryptLegacyPemBlock, evpBytesToKeyMd5 } from './legacy-pem-decrypt.js';
import { hex } from '@cfssl-ts/test-support/der-builders';
import { testdataFiles } from '@cfssl-ts/test-support/testdata-files';

// Keys made with OpenSSL 3.0.19 (commands in ../testdata/README.md), password "test-only".
const testdata = new URL('../testdata/', import.meta.url);
const { text } = testdataFiles(testdata);
const block = (name: string): PemBlock => decodePemBlocks(text(name))[0]!;
const PASSWORD = new TextEncoder().encode('test-only');

async function failure(promise: Promise<unknown>): Promise<CfsslError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CfsslError);
  return err as CfsslError;
}

describe('evpBytesToKeyMd5 (OpenSSL EVP_BytesToKey, MD5, one round)', () => {
  it('matches `openssl enc -P` key derivation', () => {
    // openssl enc -aes-256-cbc -md md5 -P -pass pass:test-only -S 0102030405060708
    expect(hex(evpBytesToKeyMd5(PASSWORD, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 32))).toBe(
      '27a863908ccb02ab2f477da8dcd7743c6f8ea62fa7f107001ba5202c4985869d',
    );
  });
});

describe('decryptLegacyPemBlock (Go x509.DecryptPEMBlock)', () => {
  it.each([
    ['ec-p256-encrypted-des3.pem', 'ec-p256-sec1-with-params.pem'],
    ['ec-p256-encrypted-des.pem', 'ec-p256-sec1-with-params.pem'],
    ['ec-p256-encrypted-aes192.pem', 'ec-p256-sec1-with-params.pem'],
    ['ec-p256-encrypted-aes256.pem', 'ec-p256-sec1-with-params.pem'],
    ['rsa2048-encrypted-legacy.pem', 'rsa2048-pkcs1.pem'],
    ['rsa2048-encrypted-des3.pem', 'rsa2048-pkcs1.pem'],
  ])('%s decrypts to the DER of %s', async (encrypted, plain) => {
    const der = await decryptLegacyPemBlock(block(encrypted), PASSWORD);
    const expected = decodePemBlocks(text(plain)).find((b) => b.label !== 'EC PARAMETERS')!.der;
    expect(hex(der)).toBe(hex(expected));
  });

  it.each(['ec-p256-encrypted-des3.pem', 'ec-p256-encrypted-aes256.pem', 'rsa2048-encrypted-legacy.pem'])(
    '%s with a wrong password fails with Go IncorrectPasswordError (or yields non-DER bytes)',
    async (name) => {
      let incorrect = 0;
      // A wrong password leaves valid padding about 1 time in 256 (Go cannot tell then either).
      for (const pw of ['wrong', 'test-onlY', 'x', 'another wrong one']) {
        try {
          const der = await decryptLegacyPemBlock(block(name), new TextEncoder().encode(pw));
          expect(hex(der)).not.toBe(hex(await decryptLegacyPemBlock(block(name), PASSWORD)));
        } catch (err) {
          expect(err).toMatchObject({ plain: true, message: 'x509: decryption password incorrect' });
          incorrect++;
        }
      }
      expect(incorrect).toBeGreaterThanOrEqual(3);
    },
  );

  it('reports malformed DEK-Info headers with Go texts', async () => {
    const base = block('ec-p256-encrypted-aes256.pem');
    const withDek = (dek: string | null): PemBlock => {
      const headers = new Map(base.headers);
      if (dek === null) headers.delete('DEK-Info');
      else headers.set('DEK-Info', dek);
      return { ...base, headers };
    };
    const cases: Array<[string | null, string]> = [
      [null, 'x509: no DEK-Info header in block'],
      ['AES-256-CBC', 'x509: malformed DEK-Info header'],
      ['AES-512-CBC,00', 'x509: unknown encryption mode'],
      ['AES-256-CBC,0011', 'x509: incorrect IV size'],
      ['AES-256-CBC,0g', "encoding/hex: invalid byte: U+0067 'g'"],
      ['AES-256-CBC,001', 'encoding/hex: odd length hex string'],
    ];
    for (const [dek, message] of cases) {
      expect(await failure(decryptLegacyPemBlock(withDek(dek), PASSWORD))).toMatchObject({ plain: true, message });
    }
    const truncated = { ...base, der: base.der.subarray(0, base.der.length - 3) };
    expect((await failure(decryptLegacyPemBlock(truncated, PASSWORD))).message).toBe(
      'x509: encrypted PEM data is not a multiple of the block size',
    );
  });
});

describe('importPrivateKeyPem with a password (cfssl ParsePrivateKeyPEMWithPassword)', () => {
  it('imports the key an encrypted PEM holds', async () => {
    const key = await importPrivateKeyPem(text('ec-p256-encrypted-des3.pem'), crypto, 'test-only');
    const plain = await importPrivateKeyPem(text('ec-p256-sec1-with-params.pem'));
    expect(hex(key.spki)).toBe(hex(plain.spki));
  });
  it('keeps 2100 without a password and ignores a password for an unencrypted key', async () => {
    expect((await failure(importPrivateKeyPem(text('ec-p256-encrypted-des3.pem')))).cfsslCode).toBe(2100);
    const key = await importPrivateKeyPem(text('rsa2048-pkcs1.pem'), crypto, 'unused');
    expect(key.algorithm).toBe('rsa');
  });
});
