import { describe, it, expect } from 'vitest';
import { readChildren, readSingle } from '../der/der-reader.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { exportPkcs8Pem, exportPrivateKeyPem } from './export-private-key.js';
import { generateKeyPair } from './generate-key-pair.js';
import { importPrivateKeyPem } from './import-private-key.js';
import { parseSpki } from './public-key.js';
import { createSigner } from './signer.js';
import { verifySignature } from './verify-signature.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

async function generationError(spec: { algo: string; size: number }): Promise<CfsslError> {
  try {
    await generateKeyPair(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(CfsslError);
    return err as CfsslError;
  }
  throw new Error('expected a CfsslError');
}

describe('generateKeyPair: validation (cfssl csr.KeyRequest.Generate, reference §4.3)', () => {
  it.each([
    // {"algo":"rsa"} merged into the default keeps size 256 (reference §4.3).
    [{ algo: 'rsa', size: 256 }, 'RSA key is too weak'],
    [{ algo: 'rsa', size: 2047 }, 'RSA key is too weak'],
    // Golden case csr-rsa-too-large: {"algo":"rsa","size":16384}.
    [{ algo: 'rsa', size: 16384 }, 'RSA key size too large'],
    [{ algo: 'rsa', size: 8193 }, 'RSA key size too large'],
    // Golden case csr-ec-bad-size: {"algo":"ecdsa","size":512}.
    [{ algo: 'ecdsa', size: 512 }, 'invalid curve'],
    [{ algo: 'ecdsa', size: 2048 }, 'invalid curve'],
    [{ algo: 'ecdsa', size: 224 }, 'invalid curve'],
    // Golden case csr-bad-algo-case-sensitive: {"algo":"ECDSA","size":256}.
    [{ algo: 'ECDSA', size: 256 }, 'invalid algorithm'],
    [{ algo: 'RSA', size: 2048 }, 'invalid algorithm'],
    [{ algo: 'dsa', size: 2048 }, 'invalid algorithm'],
    [{ algo: '', size: 256 }, 'invalid algorithm'],
  ])('%o fails with 2400 %s', async (spec, message) => {
    const err = await generationError(spec);
    expect([err.cfsslCode, err.message, err.code]).toEqual([2400, message, 'ERR_KEY_GENERATION']);
  });
});

describe('generateKeyPair: keys', () => {
  const message = new TextEncoder().encode('to be signed');

  async function roundTrip(spec: { algo: string; size: number }) {
    const key = await generateKeyPair(spec);
    const reimported = await importPrivateKeyPem(exportPrivateKeyPem(key));
    expect(reimported.spki).toEqual(key.spki);
    expect(exportPrivateKeyPem(reimported)).toBe(exportPrivateKeyPem(key));
    expect((await importPrivateKeyPem(exportPkcs8Pem(key))).spki).toEqual(key.spki);
    for (const signingKey of [key, reimported]) {
      const signer = createSigner(signingKey);
      const signature = await signer.sign(message);
      expect(await verifySignature(key.spki, signer.signatureAlgorithmOid, message, signature)).toBe(true);
    }
    expect(parseSpki(key.spki).spki).toEqual(key.spki);
    return key;
  }

  it.each([
    [256, 'P-256', '06082a8648ce3d030107', 65, 'ECDSAWithSHA256'],
    [384, 'P-384', '06052b81040022', 97, 'ECDSAWithSHA384'],
    [521, 'P-521', '06052b81040023', 133, 'ECDSAWithSHA512'],
  ])('ecdsa %i is %s', async (size, curve, curveOid, pointLength, algorithm) => {
    const key = await roundTrip({ algo: 'ecdsa', size });
    expect([key.algorithm, key.bits, key.curve]).toEqual(['ecdsa', size, curve]);
    expect(hex(key.spki)).toContain('06072a8648ce3d0201' + curveOid);
    expect(key.publicKeyBits.length).toBe(pointLength);
    expect(key.publicKeyBits[0]).toBe(0x04);
    expect(exportPrivateKeyPem(key)).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(createSigner(key).signatureAlgorithmName).toBe(algorithm);
  });

  it('rsa 2048 has exponent 65537 and signs with SHA256WithRSA', async () => {
    const key = await roundTrip({ algo: 'rsa', size: 2048 });
    expect([key.algorithm, key.bits, key.curve]).toEqual(['rsa', 2048, undefined]);
    const [modulus, exponent] = readChildren(readSingle(key.publicKeyBits));
    expect(modulus!.content.length).toBe(257); // sign byte + 256
    expect(hex(exponent!.content)).toBe('010001');
    expect(exportPrivateKeyPem(key)).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(createSigner(key).signatureAlgorithmName).toBe('SHA256WithRSA');
  });

  it('ed25519 ignores the size', async () => {
    const key = await roundTrip({ algo: 'ed25519', size: 0 });
    expect([key.algorithm, key.bits, key.curve]).toEqual(['ed25519', 256, undefined]);
    expect(key.spki.length).toBe(44);
    expect(hex(key.spki.subarray(0, 12))).toBe('302a300506032b6570032100');
    expect(exportPrivateKeyPem(key)).toMatch(/^-----BEGIN Ed25519 PRIVATE KEY-----\n/);
  });

  it('gives the private key JWK without alg, key_ops or ext', async () => {
    const key = await generateKeyPair({ algo: 'ecdsa', size: 256 });
    expect(Object.keys(key.privateJwk).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
  });

  it('uses the Crypto it is given and reports its failures as 2400', async () => {
    const failing = {
      subtle: { generateKey: () => Promise.reject(new Error('no entropy')) },
    } as unknown as Crypto;
    const err = await (async () => {
      try {
        await generateKeyPair({ algo: 'ecdsa', size: 256 }, failing);
      } catch (e) {
        return e as CfsslError;
      }
      throw new Error('expected failure');
    })();
    expect([err.cfsslCode, err.message]).toEqual([2400, 'no entropy']);
  });
});
