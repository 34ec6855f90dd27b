import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { createCsrForKey } from '../csr/generate-csr.js';
import { parseCertificate } from '../cert/parse-certificate.js';
import { initCa } from '../issue/init-ca.js';
import { signCertificateRequest } from '../issue/sign-certificate-request.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import { exportPrivateKeyPem } from '../keys/export-private-key.js';
import { buildBundle } from './build-bundle.js';
import { marshalBundleJson } from './marshal-bundle-json.js';

// A root → intermediate → leaf chain made with core's issuance (cfssl's local signer), 2026-11-28.
const NOW = Date.parse('2026-11-28T02:33:04Z');
const HOUR = 3_600_000;
const enc = (s: string) => new TextEncoder().encode(s);

const policy = parseConfig(
  JSON.stringify({
    signing: {
      default: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
      profiles: {
        inter: {
          expiry: '4380h',
          usages: ['cert sign', 'crl sign'],
          ca_constraint: { is_ca: true, max_path_len: 0, max_path_len_zero: true },
        },
        leaf: { expiry: '700h', usages: ['signing', 'server auth'], ocsp_url: 'http://ocsp.example', crl_url: 'http://crl.example/i.crl' },
      },
    },
  }),
).policy;

const root = await initCa(parseCsrRequest('{"CN":"Core Root","names":[{"C":"US","O":"Acme"}]}'), { now: () => NOW });
const rootCert = parseCertificate(root.certificate.der);
const interKey = await generateKeyPair({ algo: 'rsa', size: 2048 });
const inter = await signCertificateRequest(
  {
    request: (await createCsrForKey(parseCsrRequest('{"CN":"Core Inter","names":[{"O":"Acme"}]}'), interKey)).pem,
    hosts: null,
    profile: 'inter',
  },
  policy,
  { certificate: rootCert, key: root.key },
  { now: () => NOW },
);
const leafKey = await generateKeyPair({ algo: 'ecdsa', size: 384 });
const leaf = await signCertificateRequest(
  {
    request: (
      await createCsrForKey(
        parseCsrRequest('{"CN":"www.example.com","hosts":["www.example.com","example.com","www.example.com"]}'),
        leafKey,
      )
    ).pem,
    hosts: null,
    profile: 'leaf',
  },
  policy,
  { certificate: parseCertificate(inter.der), key: interKey },
  { now: () => NOW },
);

describe('buildBundle (cfssl bundler)', () => {
  it('builds leaf → intermediate, drops the root, and reports like cfssl', async () => {
    const bundle = await buildBundle({
      certificates: enc(leaf.pem),
      key: exportPrivateKeyPem(leafKey),
      roots: enc(root.certificate.pem),
      intermediates: enc(inter.pem),
      now: () => NOW,
    });
    expect(bundle.chain.map((c) => c.subject.name.commonName)).toEqual(['www.example.com', 'Core Inter']);
    expect(bundle.root?.subject.name.commonName).toBe('Core Root');
    expect(bundle.keyType).toBe('384-bit ECDSA');
    expect(bundle.hostnames).toEqual(['www.example.com', 'example.com']);
    expect(bundle.ocspServers).toEqual(['http://ocsp.example']);
    expect(bundle.crlSupport).toBe(true);
    // leaf valid 700h (< 720h): expiring; SHA-2 signatures; ECDSA keys; no platform metadata
    expect(bundle.status.code).toBe(3);
    expect(bundle.status.messages).toHaveLength(4);
    expect(bundle.status.expiringSkis).toEqual([
      Array.from(parseCertificate(leaf.der).subjectKeyId, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(''),
    ]);
    expect(bundle.status.rebundled).toBe(true);
    const json = JSON.parse(marshalBundleJson(bundle)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'bundle',
      'crl_support',
      'crt',
      'expires',
      'hostnames',
      'issuer',
      'key',
      'key_size',
      'key_type',
      'leaf_expires',
      'ocsp',
      'ocsp_support',
      'root',
      'signature',
      'status',
      'subject',
    ]);
    expect(json.issuer).toBe('/Organization=Acme/CommonName=Core Inter');
    expect(json.subject).toBe('/CommonName=www.example.com');
    expect(json.signature).toBe('SHA256WithRSA');
    expect(json.expires).toBe(new Date(parseCertificate(leaf.der).notAfter).toISOString().replace('.000Z', 'Z'));
    expect(String(json.key)).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n[\s\S]*-----END EC PRIVATE KEY-----$/);
    expect(Object.keys(json.status as object)).toEqual(['rebundled', 'expiring_SKIs', 'untrusted_root_stores', 'messages', 'code']);
  });

  it('fails with Go’s expiry error once the clock passes the intermediate (1211)', async () => {
    const later = NOW + 5000 * HOUR;
    const err = await buildBundle({
      certificates: enc(leaf.pem),
      roots: enc(root.certificate.pem),
      intermediates: enc(inter.pem),
      now: () => later,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ cfsslCode: 1211 });
    expect((err as Error).message).toMatch(/^x509: certificate has expired or is not yet valid: current time \S+ is after \S+Z$/);
  });

  it('1220 without the issuer, 1100 for a self-signed certificate, 2300 for another key', async () => {
    await expect(buildBundle({ certificates: enc(leaf.pem), roots: enc(root.certificate.pem), now: () => NOW })).rejects.toMatchObject({
      cfsslCode: 1220,
      message: 'x509: certificate signed by unknown authority',
    });
    await expect(
      buildBundle({ certificates: enc(root.certificate.pem), roots: enc(root.certificate.pem), now: () => NOW }),
    ).rejects.toMatchObject({ cfsslCode: 1100 });
    await expect(
      buildBundle({
        certificates: enc(leaf.pem),
        key: exportPrivateKeyPem(interKey),
        roots: enc(root.certificate.pem),
        intermediates: enc(inter.pem),
        now: () => NOW,
      }),
    ).rejects.toMatchObject({ cfsslCode: 2300 });
  });

  it('uses the intermediates of the input itself, and force keeps the input chain as given', async () => {
    const chain = enc(leaf.pem + inter.pem);
    const bundle = await buildBundle({ certificates: chain, roots: enc(root.certificate.pem), now: () => NOW, flavor: 'optimal' });
    expect(bundle.chain).toHaveLength(2);
    expect(bundle.status.rebundled).toBe(false);
    const forced = await buildBundle({ certificates: enc(inter.pem + leaf.pem), roots: null, flavor: 'force', now: () => NOW });
    expect(forced.chain.map((c) => c.subject.name.commonName)).toEqual(['www.example.com', 'Core Inter']);
    expect(forced.root).toBeNull();
    expect(forced.status.untrustedRootStores).toBeNull();
  });

  it('rejects stores and inputs with cfssl’s codes', async () => {
    await expect(buildBundle({ certificates: enc(leaf.pem), roots: enc('junk'), now: () => NOW })).rejects.toMatchObject({
      cfsslCode: 4003,
    });
    await expect(
      buildBundle({ certificates: enc(leaf.pem), roots: enc(root.certificate.pem), intermediates: enc(exportPrivateKeyPem(leafKey)) }),
    ).rejects.toMatchObject({ cfsslCode: 3003 });
    await expect(buildBundle({ certificates: enc(leaf.pem.slice(0, 200)), roots: enc(root.certificate.pem) })).rejects.toMatchObject({
      cfsslCode: 1002,
    });
    await expect(buildBundle({ certificates: enc(exportPrivateKeyPem(leafKey)), roots: enc(root.certificate.pem) })).rejects.toMatchObject({
      cfsslCode: 1003,
    });
  });
});
