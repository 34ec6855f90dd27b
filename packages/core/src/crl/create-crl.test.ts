import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../cert/parse-certificate.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { decodeOid, readChildren, readSingle } from '../der/der-reader.js';
import { initCa } from '../issue/init-ca.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import { verifySignature } from '../keys/verify-signature.js';
import { derSignedInteger } from './_internal/der-signed-integer.js';
import { createCrl } from './create-crl.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

const NOW = Date.parse('2026-11-28T02:33:04.900Z');

async function ca(algo: 'ecdsa' | 'rsa', size: number) {
  const r = await initCa(parseCsrRequest(JSON.stringify({ CN: 'CRL CA', names: [{ O: 'Acme' }], key: { algo, size } })));
  return { cert: parseCertificate(r.certificate.der), key: r.key };
}

const p256 = await ca('ecdsa', 256);

describe('createCrl (Go Certificate.CreateCRL layout, RFC 5280 §5.1)', () => {
  it('writes v2, issuer, thisUpdate/nextUpdate, the entries and an AKI extension only', async () => {
    const der = await createCrl({
      issuer: p256.cert,
      key: p256.key,
      revoked: [
        { serialNumber: 42n, revocationTime: NOW },
        { serialNumber: -5n, revocationTime: NOW },
      ],
      thisUpdate: NOW,
      nextUpdate: NOW + 3600_000,
    });
    const [tbs, alg, sig] = readChildren(readSingle(der));
    const f = readChildren(tbs!);
    expect(hex(f[0]!.raw)).toBe('020101');
    expect(hex(f[1]!.raw)).toBe('300a06082a8648ce3d040302'); // ecdsa-with-SHA256
    expect(hex(f[2]!.raw)).toBe(hex(p256.cert.subject.raw));
    expect(Buffer.from(f[3]!.content).toString()).toBe('261128023304Z');
    expect(Buffer.from(f[4]!.content).toString()).toBe('261128033304Z');
    const entries = readChildren(f[5]!);
    expect(entries.map((e) => hex(readChildren(e)[0]!.raw))).toEqual(['02012a', '0201fb']);
    const [exts] = readChildren(f[6]!);
    const [aki] = readChildren(exts!);
    const [oid, value] = readChildren(aki!);
    expect(decodeOid(oid!.content)).toBe('2.5.29.35');
    expect(hex(value!.content)).toBe(`30168014${hex(p256.cert.subjectKeyId)}`);
    expect(f).toHaveLength(7);
    expect(hex(alg!.raw)).toBe(hex(f[1]!.raw));
    expect(await verifySignature(p256.cert.subjectPublicKeyInfo, '1.2.840.10045.4.3.2', tbs!.raw, sig!.content.subarray(1))).toBe(true);
  });

  it('omits revokedCertificates when empty and appends a CRL Number after the AKI', async () => {
    const der = await createCrl({ issuer: p256.cert, key: p256.key, revoked: [], thisUpdate: NOW, nextUpdate: NOW, crlNumber: 4660n });
    const f = readChildren(readChildren(readSingle(der))[0]!);
    expect(f).toHaveLength(6);
    const exts = readChildren(readChildren(f[5]!)[0]!);
    expect(exts.map((e) => hex(e.raw)).at(-1)).toBe('300b' + '0603551d14' + '0404' + '02021234');
  });

  it('signs with sha256WithRSAEncryption for every RSA key size (Go signingParamsForPublicKey)', async () => {
    const rsa = await ca('rsa', 3072);
    const der = await createCrl({ issuer: rsa.cert, key: rsa.key, revoked: [], thisUpdate: NOW, nextUpdate: NOW });
    expect(hex(readChildren(readChildren(readSingle(der))[0]!)[1]!.raw)).toBe('300d06092a864886f70d01010b0500');
  });

  it('refuses a key that is not the issuer key (2300) and an out-of-range CRL number', async () => {
    const other = await generateKeyPair({ algo: 'ecdsa', size: 256 });
    await expect(createCrl({ issuer: p256.cert, key: other, revoked: [], thisUpdate: NOW, nextUpdate: NOW })).rejects.toMatchObject({
      cfsslCode: 2300,
    });
    await expect(
      createCrl({ issuer: p256.cert, key: p256.key, revoked: [], thisUpdate: NOW, nextUpdate: NOW, crlNumber: 1n << 159n }),
    ).rejects.toThrow(/CRL number/);
  });
});

describe('derSignedInteger (X.690 §8.3 two’s complement)', () => {
  it.each([
    [0n, '020100'],
    [127n, '02017f'],
    [128n, '02020080'],
    [-1n, '0201ff'],
    [-128n, '020180'],
    [-129n, '0202ff7f'],
    [-256n, '0202ff00'],
  ])('%d → %s', (v, h) => {
    expect(hex(derSignedInteger(v))).toBe(h);
  });
});
