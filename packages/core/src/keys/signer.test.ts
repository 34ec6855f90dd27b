import { describe, it, expect } from 'vitest';
import { decodeOid, readChildren, readSingle } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { importPrivateKeyPem } from './import-private-key.js';
import { keyPairFromPrivateJwk } from './key-pair.js';
import { createSigner } from './signer.js';
import { verifySignature } from './verify-signature.js';
import { generateKeyPair } from './generate-key-pair.js';
import { signatureAlgorithmByOid } from './signature-algorithm.js';
import { bytesFromHex as hex } from '@cfssl-ts/test-support/der-builders';
import { testdataFiles } from '@cfssl-ts/test-support/testdata-files';

const testdata = new URL('./testdata/', import.meta.url);
const { text, bytes } = testdataFiles(testdata);

/** TBS, signatureAlgorithm, signature and subject SPKI of a certificate (RFC 5280 §4.1). */
function certificateParts(file: string) {
  const [tbs, algorithm, signature] = readChildren(readSingle(decodePemBlocks(text(file))[0]!.der));
  return {
    tbs: tbs!.raw,
    algorithmIdentifier: algorithm!.raw,
    oid: decodeOid(readChildren(algorithm!)[0]!.content),
    signature: signature!.content.subarray(1),
    spki: readChildren(tbs!)[6]!.raw,
  };
}

describe('createSigner: deterministic signatures match other implementations', () => {
  it.each([
    ['genkey-initca-rsa2048-pathlenzero', 'SHA256WithRSA'],
    ['initca-rsa3072-no-ca-section', 'SHA384WithRSA'],
    ['initca-rsa4096-multi-o-ou-ip-hosts', 'SHA512WithRSA'],
    ['initca-ed25519', 'Ed25519'],
  ])("re-signs cfssl 1.6.5's %s certificate to the same bytes", async (caseId, name) => {
    const key = await importPrivateKeyPem(text(`cfssl-1.6.5/${caseId}/key.pem`));
    const cert = certificateParts(`cfssl-1.6.5/${caseId}/cert.pem`);
    const signer = createSigner(key);
    expect(signer.signatureAlgorithmName).toBe(name);
    expect(signer.signatureAlgorithmOid).toBe(cert.oid);
    expect(signer.algorithmIdentifier).toEqual(cert.algorithmIdentifier);
    expect(await signer.sign(cert.tbs)).toEqual(cert.signature);
  });

  it.each([
    ['rsa2048-pkcs1', 'rsa2048-pkcs1.sha256.sig', 'SHA256WithRSA'],
    ['rsa1024-pkcs1', 'rsa1024-pkcs1.sha1.sig', 'SHA1WithRSA'],
    ['ed25519-pkcs8', 'ed25519-pkcs8.sig', 'Ed25519'],
  ])('%s signs message.txt exactly as openssl did', async (name, sig, algorithm) => {
    const signer = createSigner(await importPrivateKeyPem(text(`${name}.pem`)));
    expect(signer.signatureAlgorithmName).toBe(algorithm);
    expect(await signer.sign(bytes('message.txt'))).toEqual(bytes(sig));
  });

  it('reproduces RFC 8032 §7.1 TEST 1 with the RFC 8037 A.1 key', async () => {
    const key = keyPairFromPrivateJwk({
      kty: 'OKP',
      crv: 'Ed25519',
      d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    });
    const signature = await createSigner(key).sign(new Uint8Array(0));
    expect(signature).toEqual(
      hex(
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
      ),
    );
  });
});

describe('createSigner: ECDSA', () => {
  it.each([
    ['ec-p256-sec1-with-params', 'ECDSAWithSHA256', '300a06082a8648ce3d040302'],
    ['ec-p384-sec1-no-public', 'ECDSAWithSHA384', '300a06082a8648ce3d040303'],
    ['ec-p521-pkcs8', 'ECDSAWithSHA512', '300a06082a8648ce3d040304'],
  ])('%s produces DER signatures that verify', async (name, algorithm, algorithmIdentifier) => {
    const key = await importPrivateKeyPem(text(`${name}.pem`));
    const signer = createSigner(key);
    expect(signer.signatureAlgorithmName).toBe(algorithm);
    expect(signer.algorithmIdentifier).toEqual(hex(algorithmIdentifier));
    const message = bytes('message.txt');
    for (let i = 0; i < 8; i++) {
      const signature = await signer.sign(message);
      const [r, s] = readChildren(readSingle(signature));
      for (const n of [r!, s!]) {
        expect(n.tag).toBe(0x02);
        // Minimal and positive: no redundant leading zero, no sign bit set.
        expect(n.content[0]! & 0x80).toBe(0);
        if (n.content.length > 1) expect(n.content[0] !== 0 || (n.content[1]! & 0x80) !== 0).toBe(true);
      }
      expect(await verifySignature(key.spki, signer.signatureAlgorithmOid, message, signature)).toBe(true);
    }
  });

  it('wraps a signing failure in a CfsslError', async () => {
    const key = await importPrivateKeyPem(text('ed25519-pkcs8.pem'));
    const broken = { ...key, privateJwk: { ...key.privateJwk, d: 'AAAA' } };
    await expect(createSigner(broken).sign(new Uint8Array(1))).rejects.toMatchObject({ name: 'CfsslError', cfsslCode: 2500 });
  });
});

describe('createSigner options', () => {
  it('takes { crypto, algorithm } as its last parameter, as the provider alone before', async () => {
    const key = await generateKeyPair({ algo: 'rsa', size: 2048 });
    const sha384 = signatureAlgorithmByOid('1.2.840.113549.1.1.12');
    expect(createSigner(key, { algorithm: sha384 }).signatureAlgorithmName).toBe('SHA384WithRSA');
    expect(createSigner(key, { crypto: globalThis.crypto }).signatureAlgorithmName).toBe('SHA256WithRSA');
    expect(createSigner(key, globalThis.crypto, sha384).signatureAlgorithmName).toBe('SHA384WithRSA');
  });
});
