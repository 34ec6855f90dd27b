import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readChildren, readSingle } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { SIGNATURE_ALGORITHMS, signatureAlgorithmByOid, signatureAlgorithmForKey } from './signature-algorithm.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

const testdata = new URL('./testdata/', import.meta.url);

/** The outer signatureAlgorithm of a cfssl-made certificate or CSR. */
function signatureAlgorithmBytes(file: string): Uint8Array {
  const der = decodePemBlocks(readFileSync(new URL(file, testdata), 'utf8'))[0]!.der;
  return readChildren(readSingle(der))[1]!.raw;
}

describe('signatureAlgorithmForKey (cfssl helpers.SignerAlgo)', () => {
  it.each([
    [1024, 'SHA1WithRSA'],
    [2047, 'SHA1WithRSA'],
    [2048, 'SHA256WithRSA'],
    [3071, 'SHA256WithRSA'],
    [3072, 'SHA384WithRSA'],
    [4095, 'SHA384WithRSA'],
    [4096, 'SHA512WithRSA'],
    [8192, 'SHA512WithRSA'],
  ])('RSA %i bits signs with %s', (bits, name) => {
    expect(signatureAlgorithmForKey({ algorithm: 'rsa', bits }).name).toBe(name);
  });

  it('ECDSA follows the curve and Ed25519 is pure Ed25519', () => {
    expect(signatureAlgorithmForKey({ algorithm: 'ecdsa', bits: 256, curve: 'P-256' }).oid).toBe('1.2.840.10045.4.3.2');
    expect(signatureAlgorithmForKey({ algorithm: 'ecdsa', bits: 384, curve: 'P-384' }).oid).toBe('1.2.840.10045.4.3.3');
    expect(signatureAlgorithmForKey({ algorithm: 'ecdsa', bits: 521, curve: 'P-521' }).oid).toBe('1.2.840.10045.4.3.4');
    expect(signatureAlgorithmForKey({ algorithm: 'ed25519', bits: 256 }).oid).toBe('1.3.101.112');
  });
});

describe('AlgorithmIdentifier encodings', () => {
  // What cfssl 1.6.5 wrote into the golden certificates and CSRs (RSA with NULL, the others without parameters).
  it.each([
    ['cfssl-1.6.5/genkey-initca-rsa2048-pathlenzero/cert.pem', 'SHA256WithRSA'],
    ['cfssl-1.6.5/initca-rsa3072-no-ca-section/cert.pem', 'SHA384WithRSA'],
    ['cfssl-1.6.5/initca-rsa4096-multi-o-ou-ip-hosts/csr.pem', 'SHA512WithRSA'],
    ['cfssl-1.6.5/initca-ecdsa256-pathlen1/cert.pem', 'ECDSAWithSHA256'],
    ['cfssl-1.6.5/initca-ecdsa384-utf8-names/csr.pem', 'ECDSAWithSHA384'],
    ['cfssl-1.6.5/initca-ecdsa521-ip-host/cert.pem', 'ECDSAWithSHA512'],
    ['cfssl-1.6.5/initca-ed25519/cert.pem', 'Ed25519'],
  ])('%s uses %s', (file, name) => {
    const algorithm = SIGNATURE_ALGORITHMS.find((a) => a.name === name)!;
    expect(hex(algorithm.algorithmIdentifier)).toBe(hex(signatureAlgorithmBytes(file)));
  });

  it('encodes sha1WithRSAEncryption with NULL parameters (RFC 3279 §2.2.1)', () => {
    expect(hex(signatureAlgorithmByOid('1.2.840.113549.1.1.5')!.algorithmIdentifier)).toBe('300d06092a864886f70d0101050500');
    expect(hex(signatureAlgorithmByOid('1.2.840.10045.4.1')!.algorithmIdentifier)).toBe('300906072a8648ce3d0401');
    expect(signatureAlgorithmByOid('1.2.840.113549.1.1.10')).toBeUndefined(); // RSASSA-PSS: not used by cfssl
  });
});
