import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeOid, readChildren, readSingle } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { createCsrForKey } from '../csr/generate-csr.js';
import { parseCsr } from '../csr/parse-csr.js';
import { webCryptoBackend } from '../keys/crypto-backend.js';
import { importPrivateKeyPem } from '../keys/import-private-key.js';
import { signatureAlgorithmByOid } from '../keys/signature-algorithm.js';
import { nodeCryptoBackend } from './index.js';

const testdata = new URL('../keys/testdata/', import.meta.url);
const text = (name: string): string => readFileSync(new URL(name, testdata), 'utf8');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, testdata)));
const node = nodeCryptoBackend();
const web = webCryptoBackend();

function certificateParts(file: string) {
  const [tbs, algorithm, signature] = readChildren(readSingle(decodePemBlocks(text(file))[0]!.der));
  return { tbs: tbs!.raw, oid: decodeOid(readChildren(algorithm!)[0]!.content), signature: signature!.content.subarray(1) };
}

describe('nodeCryptoBackend (@cfssl-ts/core/node)', () => {
  it.each([['genkey-initca-rsa2048-pathlenzero'], ['initca-rsa3072-no-ca-section'], ['initca-ed25519']])(
    "re-signs cfssl 1.6.5's %s certificate to the same bytes, with cfssl's algorithm",
    async (caseId) => {
      const key = await importPrivateKeyPem(text(`cfssl-1.6.5/${caseId}/key.pem`));
      const cert = certificateParts(`cfssl-1.6.5/${caseId}/cert.pem`);
      const signer = node.signer(key);
      expect(signer.signatureAlgorithmOid).toBe(cert.oid);
      expect(await signer.sign(cert.tbs)).toEqual(cert.signature);
    },
  );

  it('signs with the algorithm it is given (Go CreateCRL: RSA always SHA-256) like the WebCrypto backend', async () => {
    const key = await importPrivateKeyPem(text('cfssl-1.6.5/initca-rsa3072-no-ca-section/key.pem'));
    const sha256 = signatureAlgorithmByOid('1.2.840.113549.1.1.11')!;
    const message = bytes('message.txt');
    const ours = await node.signer(key, sha256).sign(message);
    expect(ours).toEqual(await web.signer(key, sha256).sign(message));
    expect(node.signer(key).signatureAlgorithmName).toBe('SHA384WithRSA');
  });

  it('makes ECDSA CSRs the WebCrypto backend verifies, and verifies them itself; a changed byte fails', async () => {
    const key = await node.generateKeyPair({ algo: 'ecdsa', size: 384 });
    const csr = parseCsr((await createCsrForKey(parseCsrRequest('{"CN":"node","hosts":["a.example"]}'), key, { backend: node })).der);
    for (const backend of [node, web]) {
      expect(await backend.verify(csr.subjectPublicKeyInfo, csr.signatureAlgorithmOid, csr.info, csr.signature)).toBe(true);
    }
    const changed = Uint8Array.from(csr.info);
    changed[changed.length - 1]! ^= 1;
    expect(await node.verify(csr.subjectPublicKeyInfo, csr.signatureAlgorithmOid, changed, csr.signature)).toBe(false);
    expect(await node.verify(csr.subjectPublicKeyInfo, '1.2.840.113549.1.1.11', csr.info, csr.signature)).toBe(false);
  });

  it('digests SHA-1 like WebCrypto and draws random bytes', async () => {
    const message = bytes('message.txt');
    expect(await node.sha1(message)).toEqual(await web.sha1(message));
    expect(node.randomBytes(20)).toHaveLength(20);
  });
});
