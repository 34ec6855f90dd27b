import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { decodePemBlocks, encodePem } from '../pem/pem.js';
import { exportPkcs8Der, exportPkcs8Pem, exportPrivateKeyDer, exportPrivateKeyPem } from './export-private-key.js';
import { importPrivateKeyPem } from './import-private-key.js';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { testdataFiles } from '@cfssl-ts/test-support/testdata-files';

const testdata = new URL('./testdata/', import.meta.url);
const { text } = testdataFiles(testdata);

describe("exportPrivateKeyPem: cfssl 1.6.5's own key.pem files round-trip byte for byte (reference §5.1)", () => {
  it.each([
    ['genkey-initca-rsa2048-pathlenzero', 'RSA PRIVATE KEY', 'rsa', 2048],
    ['initca-rsa3072-no-ca-section', 'RSA PRIVATE KEY', 'rsa', 3072],
    ['initca-rsa4096-multi-o-ou-ip-hosts', 'RSA PRIVATE KEY', 'rsa', 4096],
    ['initca-ecdsa256-pathlen1', 'EC PRIVATE KEY', 'ecdsa', 256],
    ['initca-ecdsa384-utf8-names', 'EC PRIVATE KEY', 'ecdsa', 384],
    ['initca-ecdsa521-ip-host', 'EC PRIVATE KEY', 'ecdsa', 521],
    ['initca-ed25519', 'Ed25519 PRIVATE KEY', 'ed25519', 256],
  ])('%s', async (caseId, label, algorithm, bits) => {
    const pem = text(`cfssl-1.6.5/${caseId}/key.pem`);
    expect(pem.startsWith(`-----BEGIN ${label}-----\n`)).toBe(true);
    const key = await importPrivateKeyPem(pem);
    expect([key.algorithm, key.bits]).toEqual([algorithm, bits]);
    expect(exportPrivateKeyPem(key)).toBe(pem);
    expect(exportPrivateKeyDer(key)).toEqual(decodePemBlocks(pem)[0]!.der);
  });

  // The whole cfssl 1.6.5 corpus committed under fixtures/golden.
  const corpus = goldenDir('cfssl-1.6.5');
  it('every key.pem of the golden corpus', async () => {
    let checked = 0;
    for (const caseId of readdirSync(corpus)) {
      const file = `${corpus}/${caseId}/key.pem`;
      if (!existsSync(file)) continue;
      const pem = readFileSync(file, 'utf8');
      const key = await importPrivateKeyPem(pem);
      // gencsr -key echoes its input key, an OpenSSL PKCS#8 file.
      const exported = pem.startsWith('-----BEGIN PRIVATE KEY-----') ? exportPkcs8Pem(key) : exportPrivateKeyPem(key);
      expect(exported, caseId).toBe(pem);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('exportPrivateKeyPem: the same forms as OpenSSL writes them', () => {
  it('PKCS#1 RSA (openssl genrsa -traditional)', async () => {
    for (const name of ['rsa2048-pkcs1.pem', 'rsa1024-pkcs1.pem']) {
      const pem = text(name);
      expect(exportPrivateKeyPem(await importPrivateKeyPem(pem))).toBe(pem);
    }
  });

  it('SEC 1 with the curve OID and the public key (openssl ecparam -genkey)', async () => {
    const pem = text('ec-p256-sec1-with-params.pem');
    const keyBlock = pem.slice(pem.indexOf('-----BEGIN EC PRIVATE KEY-----'));
    expect(exportPrivateKeyPem(await importPrivateKeyPem(pem))).toBe(keyBlock);
  });

  it('fills in the public key an SEC 1 file left out, as openssl ec does', async () => {
    const key = await importPrivateKeyPem(text('ec-p384-sec1-no-public.pem'));
    expect(exportPrivateKeyPem(key)).toBe(text('ec-p384-sec1-no-public.completed.pem'));
  });
});

describe('exportPkcs8Pem (Go x509.MarshalPKCS8PrivateKey)', () => {
  it.each(['rsa2048-pkcs8.pem', 'ec-p521-pkcs8.pem', 'ed25519-pkcs8.pem', 'cfssl-1.6.5/initca-existing-pkcs8-ec-key/in-key.pem'])(
    'reproduces the OpenSSL PKCS#8 file %s',
    async (name) => {
      const pem = text(name);
      const key = await importPrivateKeyPem(pem);
      expect(exportPkcs8Pem(key)).toBe(pem);
      expect(exportPkcs8Der(key)).toEqual(decodePemBlocks(pem)[0]!.der);
    },
  );

  it("writes cfssl's Ed25519 key DER unchanged, under the standard label", async () => {
    const pem = text('cfssl-1.6.5/initca-ed25519/key.pem');
    const key = await importPrivateKeyPem(pem);
    expect(exportPkcs8Pem(key)).toBe(encodePem('PRIVATE KEY', decodePemBlocks(pem)[0]!.der));
  });

  it('converts between the cfssl and PKCS#8 forms of one key', async () => {
    const fromPkcs8 = await importPrivateKeyPem(text('rsa2048-pkcs8.pem'));
    const fromPkcs1 = await importPrivateKeyPem(exportPrivateKeyPem(fromPkcs8));
    expect(exportPkcs8Pem(fromPkcs1)).toBe(text('rsa2048-pkcs8.pem'));
  });
});
