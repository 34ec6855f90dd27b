import { describe, it, expect } from 'vitest';
import { readChildren, readSingle } from '../der/der-reader.js';
import { DER_NULL, concatBytes, derBitString, derInteger, derOid, derSequence } from '../der/der-writer.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodePemBlocks } from '../pem/pem.js';
import { importPrivateKeyPem } from './import-private-key.js';
import { keysMatch, parseSpki } from './public-key.js';
import { bytesFromHex as hex } from '@cfssl-ts/test-support/der-builders';
import { testdataFiles } from '@cfssl-ts/test-support/testdata-files';

const testdata = new URL('./testdata/', import.meta.url);
const { text } = testdataFiles(testdata);
const spkiOf = (name: string) => decodePemBlocks(text(name))[0]!.der;

function thrown(f: () => unknown): CfsslError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(CfsslError);
    return err as CfsslError;
  }
  throw new Error('expected a CfsslError');
}

describe('parseSpki', () => {
  it.each([
    ['rsa2048-pkcs1.pub.pem', 'rsa', 2048, undefined],
    ['rsa1024-pkcs1.pub.pem', 'rsa', 1024, undefined],
    ['ec-p256-sec1-with-params.pub.pem', 'ecdsa', 256, 'P-256'],
    ['ec-p384-sec1-no-public.pub.pem', 'ecdsa', 384, 'P-384'],
    ['ec-p521-pkcs8.pub.pem', 'ecdsa', 521, 'P-521'],
    ['ed25519-pkcs8.pub.pem', 'ed25519', 256, undefined],
  ])('reads %s and re-encodes it to the same bytes', (name, algorithm, bits, curve) => {
    const der = spkiOf(name);
    const info = parseSpki(der);
    expect([info.algorithm, info.bits, info.curve]).toEqual([algorithm, bits, curve]);
    expect(info.spki).toEqual(der);
    expect(info.publicKeyBits).toEqual(readChildren(readSingle(der))[1]!.content.subarray(1));
  });

  it('re-encodes a non-canonical RSA key the way Go marshals it', () => {
    // RSAPublicKey with an extra trailing element inside, which Go's parser skips.
    const n = hex('00c5' + 'ab'.repeat(63));
    const pub = derSequence([derInteger(BigInt('0x' + 'c5' + 'ab'.repeat(63))), derInteger(65537), derInteger(0)]);
    const spki = derSequence([derSequence([derOid('1.2.840.113549.1.1.1'), DER_NULL]), derBitString(pub)]);
    const info = parseSpki(spki);
    expect(info.bits).toBe(512);
    expect(info.spki).toEqual(
      derSequence([
        derSequence([derOid('1.2.840.113549.1.1.1'), DER_NULL]),
        derBitString(derSequence([concatBytes([Uint8Array.of(0x02, 0x41), n]), derInteger(65537)])),
      ]),
    );
  });

  it.each([['dsa2048-pkcs8.pub.pem'], ['x25519-pkcs8.pub.pem'], ['ec-secp256k1-sec1.pub.pem'], ['ec-p224.pub.pem']])(
    'refuses the well-formed but unsupported key %s with 2200',
    (name) => {
      const err = thrown(() => parseSpki(spkiOf(name)));
      expect([err.cfsslCode, err.message]).toEqual([2200, 'Private key algorithm is not RSA or ECC or Ed25519']);
    },
  );

  const rsaAlg = (params: Uint8Array[]) => derSequence([derOid('1.2.840.113549.1.1.1'), ...params]);
  const ecAlg = derSequence([derOid('1.2.840.10045.2.1'), derOid('1.2.840.10045.3.1.7')]);
  const p256Point = () => readChildren(readSingle(spkiOf('ec-p256-sec1-with-params.pub.pem')))[1]!.content.subarray(1);

  // Go crypto/x509 parsePublicKey error texts.
  it.each([
    [
      'RSA without NULL parameters',
      derSequence([rsaAlg([]), derBitString(derSequence([derInteger(77), derInteger(3)]))]),
      'x509: RSA key missing NULL parameters',
    ],
    ['RSA key that is not a SEQUENCE', derSequence([rsaAlg([DER_NULL]), derBitString(derInteger(5))]), 'x509: invalid RSA public key'],
    [
      'RSA with a missing exponent',
      derSequence([rsaAlg([DER_NULL]), derBitString(derSequence([derInteger(77)]))]),
      'x509: invalid RSA public exponent',
    ],
    [
      'RSA with a zero modulus',
      derSequence([rsaAlg([DER_NULL]), derBitString(derSequence([derInteger(0), derInteger(3)]))]),
      'x509: RSA modulus is not a positive number',
    ],
    [
      'EC with a compressed point',
      derSequence([ecAlg, derBitString(concatBytes([Uint8Array.of(2), p256Point().subarray(1, 33)]))]),
      'x509: failed to unmarshal elliptic curve point',
    ],
    [
      'EC with a point off the curve',
      derSequence([ecAlg, derBitString(p256Point().map((b, i) => (i === 64 ? b ^ 1 : b)))]),
      'x509: failed to unmarshal elliptic curve point',
    ],
    [
      'EC without a curve OID',
      derSequence([derSequence([derOid('1.2.840.10045.2.1'), DER_NULL]), derBitString(p256Point())]),
      'x509: invalid ECDSA parameters',
    ],
    [
      'Ed25519 with parameters',
      derSequence([derSequence([derOid('1.3.101.112'), DER_NULL]), derBitString(new Uint8Array(32))]),
      'x509: Ed25519 key encoded with illegal parameters',
    ],
    [
      'Ed25519 of 31 bytes',
      derSequence([derSequence([derOid('1.3.101.112')]), derBitString(new Uint8Array(31))]),
      'x509: wrong Ed25519 public key size',
    ],
    ['trailing data', concatBytes([spkiOf('ed25519-pkcs8.pub.pem'), Uint8Array.of(0)]), 'x509: trailing data after ASN.1 of public-key'],
  ])("%s is a plain error with Go's message", (_, der, message) => {
    const err = thrown(() => parseSpki(der));
    expect([err.cfsslCode, err.plain, err.message]).toEqual([0, true, message]);
  });

  it('never throws anything but a CfsslError on truncated input', () => {
    const der = spkiOf('rsa1024-pkcs1.pub.pem');
    for (let n = 0; n < der.length; n++) expect(() => parseSpki(der.subarray(0, n))).toThrow(CfsslError);
  });
});

describe('keysMatch', () => {
  it('matches a key with its own public key only', async () => {
    const key = await importPrivateKeyPem(text('cfssl-1.6.5/initca-ecdsa521-ip-host/key.pem'));
    const cert = readChildren(readSingle(decodePemBlocks(text('cfssl-1.6.5/initca-ecdsa521-ip-host/cert.pem'))[0]!.der));
    const certSpki = readChildren(cert[0]!)[6]!.raw;
    expect(keysMatch(key, certSpki)).toBe(true);
    expect(keysMatch(key, spkiOf('ec-p521-pkcs8.pub.pem'))).toBe(false);
    expect(keysMatch(key, spkiOf('dsa2048-pkcs8.pub.pem'))).toBe(false);
    expect(keysMatch(key, Uint8Array.of(0x30, 0x00))).toBe(false);
  });
});
