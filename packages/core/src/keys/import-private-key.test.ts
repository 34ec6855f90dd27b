import { describe, it, expect } from 'vitest';
import { readChildren, readSingle } from '../der/der-reader.js';
import { DER_NULL, concatBytes, derContextConstructed, derInteger, derOctetString, derOid, derSequence } from '../der/der-writer.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodePemBlocks, encodePem } from '../pem/pem.js';
import { bytesFromBigint } from './_internal/big-integer-bytes.js';
import { exportPkcs8Pem, exportPrivateKeyPem } from './export-private-key.js';
import { importPrivateKeyDer, importPrivateKeyPem } from './import-private-key.js';
import { testdataFiles } from '@cfssl-ts/test-support/testdata-files';

const testdata = new URL('./testdata/', import.meta.url);
const { text } = testdataFiles(testdata);
const derOf = (pem: string, index = 0) => decodePemBlocks(pem)[index]!.der;
const spkiOf = (name: string) => derOf(text(name));

async function failure(promise: Promise<unknown>): Promise<CfsslError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(CfsslError);
    return err as CfsslError;
  }
  throw new Error('expected a CfsslError');
}

describe('importPrivateKeyPem: formats (cfssl helpers.ParsePrivateKeyPEM)', () => {
  it.each([
    ['rsa2048-pkcs1', 'rsa', 2048, undefined],
    ['rsa1024-pkcs1', 'rsa', 1024, undefined],
    ['rsa2048-pkcs8', 'rsa', 2048, undefined],
    ['ec-p256-sec1-with-params', 'ecdsa', 256, 'P-256'],
    ['ec-p384-sec1-no-public', 'ecdsa', 384, 'P-384'],
    ['ec-p521-pkcs8', 'ecdsa', 521, 'P-521'],
    ['ed25519-pkcs8', 'ed25519', 256, undefined],
  ])('reads %s and derives the public key OpenSSL derives', async (name, algorithm, bits, curve) => {
    const key = await importPrivateKeyPem(text(`${name}.pem`));
    expect(key.algorithm).toBe(algorithm);
    expect(key.bits).toBe(bits);
    expect(key.curve).toBe(curve);
    expect(key.spki).toEqual(spkiOf(`${name}.pub.pem`));
    // publicKeyBits are the subjectPublicKey BIT STRING contents.
    const bitString = readChildren(readSingle(key.spki))[1]!;
    expect(key.publicKeyBits).toEqual(bitString.content.subarray(1));
  });

  it('skips EC PARAMETERS blocks and ignores the label of the block it uses', async () => {
    const ec = text('ec-p256-sec1-with-params.pem');
    expect(ec.startsWith('-----BEGIN EC PARAMETERS-----')).toBe(true);
    expect((await importPrivateKeyPem(ec)).curve).toBe('P-256');
    const relabelled = encodePem('SOMETHING ELSE', derOf(text('rsa2048-pkcs1.pem')));
    expect((await importPrivateKeyPem(relabelled)).spki).toEqual(spkiOf('rsa2048-pkcs1.pub.pem'));
  });

  it('reads the OpenSSL PKCS#8 P-256 key cfssl 1.6.5 was given in initca-existing-pkcs8-ec-key', async () => {
    const key = await importPrivateKeyPem(text('cfssl-1.6.5/initca-existing-pkcs8-ec-key/in-key.pem'));
    const cert = readChildren(readSingle(derOf(text('cfssl-1.6.5/initca-existing-pkcs8-ec-key/cert.pem'))));
    const tbs = readChildren(cert[0]!);
    // The cfssl certificate's SubjectPublicKeyInfo is tbs[6] ([0] version, serial, sigalg, issuer, validity, subject, spki).
    expect(key.spki).toEqual(tbs[6]!.raw);
    expect(key.curve).toBe('P-256');
  });

  it('recomputes an SEC 1 public key from the scalar, ignoring a wrong one (Go parseECPrivateKey)', async () => {
    const good = derOf(text('ec-p256-sec1-with-params.pem'), 1);
    const [version, scalar, params] = readChildren(readSingle(good));
    const otherPoint = readChildren(readSingle(spkiOf('ec-p521-pkcs8.pub.pem')))[1]!;
    const lying = derSequence([version!.raw, scalar!.raw, params!.raw, derContextConstructed(1, [otherPoint.raw])]);
    const key = await importPrivateKeyDer(lying);
    expect(key.spki).toEqual(spkiOf('ec-p256-sec1-with-params.pub.pem'));
  });

  it('accepts a PKCS#8 key followed by trailing bytes (Go ignores them)', async () => {
    const der = concatBytes([derOf(text('ec-p521-pkcs8.pem')), Uint8Array.of(0, 0)]);
    expect((await importPrivateKeyDer(der)).curve).toBe('P-521');
  });

  it('recomputes RSA CRT values instead of trusting them (Go rsa.Precompute)', async () => {
    const pem = text('rsa2048-pkcs1.pem');
    const fields = readChildren(readSingle(derOf(pem)));
    const corrupted = derSequence([...fields.slice(0, 6).map((f) => f.raw), derInteger(1), derInteger(2), derInteger(3)]);
    const key = await importPrivateKeyDer(corrupted);
    expect(exportPrivateKeyPem(key)).toBe(pem);
    const withoutCrt = derSequence(fields.slice(0, 6).map((f) => f.raw));
    expect(exportPrivateKeyPem(await importPrivateKeyDer(withoutCrt))).toBe(pem);
  });

  it("reads cfssl's own Ed25519 form even with parameters, which Go's PKCS#8 parser refuses", async () => {
    const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
    const der = derSequence([derInteger(0), derSequence([derOid('1.3.101.112'), DER_NULL]), derOctetString(derOctetString(seed))]);
    const key = await importPrivateKeyDer(der);
    expect(key.algorithm).toBe('ed25519');
    // The canonical export drops the parameters.
    expect(exportPkcs8Pem(key)).toBe(
      encodePem('PRIVATE KEY', derSequence([derInteger(0), derSequence([derOid('1.3.101.112')]), derOctetString(derOctetString(seed))])),
    );
  });

  it('reads the RFC 8410 §10.3 example key, whose public key is the §10.1 example', async () => {
    const key = await importPrivateKeyPem(
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n',
    );
    expect(encodePem('PUBLIC KEY', key.spki)).toBe(
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n',
    );
  });

  it('uses the Crypto it is given', async () => {
    const calls: string[] = [];
    const subtle = new Proxy(globalThis.crypto.subtle, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const crypto = { subtle, getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as unknown as Crypto;
    await importPrivateKeyPem(text('ec-p521-pkcs8.pem'), crypto);
    // The EC public point is computed in core (Go ScalarBaseMult), so the provider only imports the JWK.
    expect(calls).toEqual(['importKey']);
  });
});

describe('importPrivateKeyPem: errors (reference §1.3, §7)', () => {
  it.each([
    ['empty input', ''],
    ['text without PEM', 'not a key'],
    [
      'only EC PARAMETERS',
      (text('ec-p256-sec1-with-params.pem').split('-----END EC PARAMETERS-----')[0] ?? '') + '-----END EC PARAMETERS-----\n',
    ],
  ])('%s is 2002 Failed to decode private key', async (_, input) => {
    const err = await failure(importPrivateKeyPem(input));
    expect([err.cfsslCode, err.message, err.code]).toEqual([2002, 'Failed to decode private key', 'ERR_PRIVATE_KEY']);
  });

  it('a legacy encrypted PEM is 2100 Private key is encrypted.', async () => {
    const err = await failure(importPrivateKeyPem(text('rsa2048-encrypted-legacy.pem')));
    expect([err.cfsslCode, err.message]).toEqual([2100, 'Private key is encrypted.']);
  });

  // cfssl 1.2 (Go 1.19) verified: sign -ca-key with each of these prints {"code":2003,"message":"Failed to parse private key"}.
  it.each([
    ['dsa2048-pkcs8.pem', /unknown algorithm: 1\.2\.840\.10040\.4\.1/],
    ['x25519-pkcs8.pem', /X25519/],
    ['ec-secp256k1-sec1.pem', /unknown elliptic curve 1\.3\.132\.0\.10/],
  ])('an unusable key (%s) is 2003 Failed to parse private key, with the reason as cause', async (name, reason) => {
    const err = await failure(importPrivateKeyPem(text(name)));
    expect([err.cfsslCode, err.message]).toEqual([2003, 'Failed to parse private key']);
    expect((err.cause as Error).message).toMatch(reason);
  });

  it('a certificate in place of a key is 2003 (the label is ignored)', async () => {
    const err = await failure(importPrivateKeyPem(text('cfssl-1.6.5/initca-ed25519/cert.pem')));
    expect(err.cfsslCode).toBe(2003);
  });

  const ecInner = () => {
    // The ECPrivateKey inside an OpenSSL PKCS#8: no [0] curve OID.
    const fields = readChildren(readSingle(derOf(text('ec-p521-pkcs8.pem'))));
    return fields[2]!.content;
  };

  it('an SEC 1 key without a curve is 2003 (Go: unknown elliptic curve)', async () => {
    const err = await failure(importPrivateKeyDer(ecInner()));
    expect(err.cfsslCode).toBe(2003);
    expect((err.cause as Error).message).toMatch(/unknown elliptic curve/);
  });

  it('an SEC 1 key with version 2 or a scalar not below the order is 2003', async () => {
    const order = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    const p256 = derContextConstructed(0, [derOid('1.2.840.10045.3.1.7')]);
    const v2 = derSequence([derInteger(2), derOctetString(Uint8Array.of(1)), p256]);
    expect((await failure(importPrivateKeyDer(v2))).cfsslCode).toBe(2003);
    const big = derSequence([derInteger(1), derOctetString(bytesFromBigint(order, 32)), p256]);
    const err = await failure(importPrivateKeyDer(big));
    expect((err.cause as Error).message).toMatch(/invalid elliptic curve private key value/);
    const zero = derSequence([derInteger(1), derOctetString(new Uint8Array(32)), p256]);
    expect((await failure(importPrivateKeyDer(zero))).cfsslCode).toBe(2003);
  });

  it('PKCS#1 with trailing data, or whose primes do not multiply to n, is 2003', async () => {
    const der = derOf(text('rsa2048-pkcs1.pem'));
    expect((await failure(importPrivateKeyDer(concatBytes([der, Uint8Array.of(0)])))).cfsslCode).toBe(2003);
    const fields = readChildren(readSingle(der));
    const swapped = derSequence([fields[0]!.raw, derInteger(65537n), ...fields.slice(2).map((f) => f.raw)]);
    expect((await failure(importPrivateKeyDer(swapped))).cfsslCode).toBe(2003);
  });

  it('an Ed25519 PKCS#8 key with a 31-byte seed is 2003', async () => {
    const der = derSequence([derInteger(0), derSequence([derOid('1.3.101.112')]), derOctetString(derOctetString(new Uint8Array(31)))]);
    expect((await failure(importPrivateKeyDer(der))).cfsslCode).toBe(2003);
  });

  it('never throws anything but a 2003 CfsslError for truncated or corrupted DER', async () => {
    for (const name of ['rsa1024-pkcs1.pem', 'ec-p256-sec1-with-params.pem', 'ed25519-pkcs8.pem', 'ec-p521-pkcs8.pem']) {
      const pem = text(name);
      const der = derOf(pem, pem.includes('EC PARAMETERS') ? 1 : 0);
      for (let n = 0; n < der.length; n++) {
        const err = await failure(importPrivateKeyDer(der.subarray(0, n)));
        expect(err.cfsslCode).toBe(2003);
      }
      for (let i = 0; i < der.length; i++) {
        const flipped = der.slice();
        flipped[i]! ^= 0x41;
        try {
          await importPrivateKeyDer(flipped);
        } catch (err) {
          expect(err).toBeInstanceOf(CfsslError);
          expect((err as CfsslError).cfsslCode).toBe(2003);
        }
      }
    }
  });
});
