// The crypto provider is a parameter: core gives the same bytes under @peculiar/webcrypto as under Node's WebCrypto.
import { Crypto as PeculiarCrypto } from '@peculiar/webcrypto';
import { X509Certificate, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  builtinSigningPolicy,
  generateKeyAndCsr,
  webCryptoBackend,
  importPrivateKeyPem,
  initCa,
  loadSigningAuthority,
  parseCaCertificatePem,
  parseCsrRequest,
  signCertificateRequest,
  type KeyPair,
  type WebCrypto,
} from '@cfssl-ts/core';

// Both providers fit core's structural WebCrypto type as they are, without a cast.
const peculiar: WebCrypto = new PeculiarCrypto();
const NOW = Date.parse('2026-11-28T02:33:04Z');
const fixed = { now: () => NOW, serialNumber: 0x1234567890abcdefn };

const caJson = '{"CN":"etcd CA","key":{"algo":"rsa","size":2048},"names":[{"C":"CN","L":"Beijing","ST":"Beijing"}]}';
const leafJson = '{"CN":"etcd","hosts":["127.0.0.1","etcd.local"],"key":{"algo":"ecdsa","size":256}}';

async function rootWith(provider: WebCrypto, key?: KeyPair) {
  return initCa(parseCsrRequest(caJson), { ...fixed, backend: webCryptoBackend(provider), ...(key ? { key } : {}) });
}

describe('core under @peculiar/webcrypto', () => {
  it('makes a CA whose bytes equal those made with the platform provider for the same key, serial and clock', async () => {
    const first = await rootWith(peculiar);
    const again = await rootWith(globalThis.crypto, await importPrivateKeyPem(first.keyPem!, globalThis.crypto));
    expect(Buffer.from(again.certificate.der).equals(Buffer.from(first.certificate.der))).toBe(true);
    const x = new X509Certificate(first.certificate.pem);
    expect(x.ca).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
  });

  it('signs an ECDSA leaf CSR with an RSA CA, and OpenSSL verifies the result', async () => {
    const ca = await rootWith(peculiar);
    const leaf = await generateKeyAndCsr(parseCsrRequest(leafJson), { backend: webCryptoBackend(peculiar) });
    const cert = await signCertificateRequest(
      { request: leaf.pem, hosts: null, profile: '' },
      builtinSigningPolicy(),
      { certificate: parseCaCertificatePem(ca.certificate.pem), key: ca.key },
      { backend: webCryptoBackend(peculiar), now: () => NOW },
    );
    const x = new X509Certificate(cert.pem);
    expect(x.verify(new X509Certificate(ca.certificate.pem).publicKey)).toBe(true);
    // reference §5.5: DNS names before IPs, whatever the input order
    expect(x.subjectAltName).toBe('DNS:etcd.local, IP Address:127.0.0.1');
  });
});

describe('a CA loaded from PEM signs under both providers', () => {
  const caKeys = [
    { algo: 'ecdsa', size: 256 },
    { algo: 'ecdsa', size: 384 },
    { algo: 'rsa', size: 2048 },
    { algo: 'ed25519', size: 0 },
  ] as const;
  const providers = [
    ['node:crypto webcrypto', webcrypto satisfies WebCrypto],
    ['@peculiar/webcrypto', peculiar],
  ] as const;
  for (const key of caKeys) {
    for (const [providerName, provider] of providers) {
      it(`${key.algo} ${String(key.size)} CA under ${providerName}`, async () => {
        const caRequest = parseCsrRequest(JSON.stringify({ CN: 'loaded CA', key }));
        const ca = await initCa(caRequest, fixed);
        // cfssl local.NewSignerFromFile: ca.pem + ca-key.pem, the key read back from cfssl's PEM form.
        const authority = await loadSigningAuthority(ca.certificate.pem, ca.keyPem!, provider);
        expect(Buffer.from(authority.key.spki).equals(Buffer.from(ca.key.spki))).toBe(true);
        const backend = webCryptoBackend(provider);
        const leaf = await generateKeyAndCsr(parseCsrRequest(leafJson), { backend });
        const cert = await signCertificateRequest({ request: leaf.pem, hosts: null, profile: '' }, builtinSigningPolicy(), authority, {
          backend,
          now: () => NOW,
        });
        expect(new X509Certificate(cert.pem).verify(new X509Certificate(ca.certificate.pem).publicKey)).toBe(true);
      });
    }
  }
});
