import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { createCsrForKey } from '../csr/generate-csr.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import { verifySignature } from '../keys/verify-signature.js';
import { parseCertificate } from '../cert/parse-certificate.js';
import { decodeFirstPem } from '../pem/pem.js';
import { parseCsr } from '../csr/parse-csr.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { selfSignCertificate } from './self-sign-certificate.js';
import { selectSelfSignProfile } from './self-sign-profile.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

const key = await generateKeyPair({ algo: 'ecdsa', size: 256 });

async function csrFor(json: object): Promise<string> {
  return (await createCsrForKey(parseCsrRequest(JSON.stringify(json)), key)).pem;
}

function policy(json: object) {
  return parseConfig(JSON.stringify(json)).policy;
}

const NOW = Date.parse('2026-11-28T02:33:05.700Z');

describe('selfSignCertificate (cfssl selfsign.Sign, reference §5.13)', () => {
  it('backdates 5 minutes from the unrounded clock and expires 2190h after it', async () => {
    const csr = await csrFor({ CN: 'self.example', hosts: ['self.example', '10.0.0.1'] });
    const cert = parseCertificate(
      (await selfSignCertificate(key, csr, selectSelfSignProfile(null, ''), { now: () => NOW, serialNumber: 42n })).der,
    );
    expect(new Date(cert.notBefore).toISOString()).toBe('2026-11-28T02:28:05.000Z');
    // now + 2190h (91 days 6 hours)
    expect(new Date(cert.notAfter).toISOString()).toBe('2027-02-27T08:33:05.000Z');
    expect(cert.serialNumber).toBe(42n);
  });

  it('is self-issued with KU, EKU, BC, SKI, then the CSR SAN copied verbatim, and no AKI', async () => {
    const pem = await csrFor({ CN: 'self.example', hosts: ['self.example', 'https://self.example/', '10.0.0.1'] });
    const csr = parseCsr(decodeFirstPem(pem)!.der);
    const cert = parseCertificate((await selfSignCertificate(key, pem, selectSelfSignProfile(null, ''), { now: () => NOW })).der);
    expect(hex(cert.issuer.raw)).toBe(hex(cert.subject.raw));
    expect(cert.extensions.map((e) => `${e.oid}${e.critical ? '!' : ''}`)).toEqual([
      '2.5.29.15!',
      '2.5.29.37',
      '2.5.29.19!',
      '2.5.29.14',
      '2.5.29.17',
    ]);
    // keyUsage digitalSignature + keyEncipherment; EKU serverAuth, clientAuth; CA:FALSE
    expect(hex(cert.extensions[0]!.value)).toBe('030205a0');
    expect(cert.extKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(hex(cert.extensions[2]!.value)).toBe('3000');
    expect(hex(cert.extensions[4]!.value)).toBe(hex(csr.extensions[0]!.value));
    const ski = new Uint8Array(await crypto.subtle.digest('SHA-1', key.publicKeyBits as Uint8Array<ArrayBuffer>));
    expect(hex(cert.subjectKeyId)).toBe(hex(ski));
    expect(cert.authorityKeyId.length).toBe(0);
    expect(await verifySignature(key.spki, cert.signatureAlgorithmOid, cert.tbs, cert.signature)).toBe(true);
  });

  it('draws serials below 2^63 - 1 (Go rand.Int(MaxInt64)), rejecting 2^63 - 1 itself', async () => {
    const draws = [new Uint8Array(8).fill(0xff), Uint8Array.of(0x80, 0, 0, 0, 0, 0, 0, 7)];
    const random = (n: number) => draws.shift()!.slice(0, n);
    const csr = await csrFor({ CN: 'x' });
    const cert = parseCertificate((await selfSignCertificate(key, csr, selectSelfSignProfile(null, ''), { random })).der);
    expect(cert.serialNumber).toBe(7n);
  });

  it('keeps Go pkix.Name fields only: emailAddress and custom OIDs of the CSR subject are dropped', async () => {
    const csr = await csrFor({ CN: 'x', names: [{ O: 'Org', E: 'a@b.example', OID: { '1.2.3.4': 'v' } }] });
    const cert = parseCertificate((await selfSignCertificate(key, csr, selectSelfSignProfile(null, ''))).der);
    expect(cert.subject.attributes.map((a) => a.oid)).toEqual(['2.5.4.10', '2.5.4.3']);
  });

  it('follows an is_ca profile (CA:TRUE, never a pathlen) and puts issuer_urls in AIA; ignores ocsp/crl urls', async () => {
    const p = policy({
      signing: {
        default: { expiry: '1h' },
        profiles: {
          ca: {
            expiry: '2h',
            usages: ['cert sign'],
            ca_constraint: { is_ca: true, max_path_len: 2 },
            issuer_urls: ['http://ca.example/ca.crt'],
            ocsp_url: 'http://ocsp.example',
            crl_url: 'http://crl.example/ca.crl',
          },
        },
      },
    });
    const csr = await csrFor({ CN: 'x', hosts: ['x.example'] });
    const cert = parseCertificate((await selfSignCertificate(key, csr, selectSelfSignProfile(p, 'ca'), { now: () => NOW })).der);
    expect(cert.extensions.map((e) => e.oid)).toEqual(['2.5.29.15', '2.5.29.19', '2.5.29.14', '1.3.6.1.5.5.7.1.1', '2.5.29.17']);
    expect(hex(cert.extensions[1]!.value)).toBe('30030101ff');
    // AccessDescription { id-ad-caIssuers, [6] URI }
    expect(hex(cert.extensions[3]!.value)).toBe(
      '302630240608' + '2b06010505073002' + '8618' + Buffer.from('http://ca.example/ca.crt').toString('hex'),
    );
    expect(cert.notAfter - NOW).toBe(2 * 3600_000 - 700);
  });

  it('copies a CSR basicConstraints (csr.json ca section) in place of its own', async () => {
    const csr = await csrFor({ CN: 'x', ca: { pathlen: 1 } });
    const cert = parseCertificate((await selfSignCertificate(key, csr, selectSelfSignProfile(null, ''))).der);
    expect(cert.extensions.map((e) => e.oid)).toEqual(['2.5.29.15', '2.5.29.37', '2.5.29.14', '2.5.29.19']);
    expect(hex(cert.extensions[3]!.value)).toBe('30060101ff020101');
    expect(cert.extensions[3]!.critical).toBe(true);
  });

  it('fails with 5100 when the profile has no usable usages', async () => {
    const p = policy({ signing: { default: { expiry: '1h' } } });
    const csr = await csrFor({ CN: 'x' });
    await expect(selfSignCertificate(key, csr, selectSelfSignProfile(p, ''))).rejects.toMatchObject({ cfsslCode: 5100 });
  });

  it('rejects anything but a CERTIFICATE REQUEST block with 9300', async () => {
    const csr = (await csrFor({ CN: 'x' })).replaceAll('CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST');
    const err = await selfSignCertificate(key, csr, selectSelfSignProfile(null, '')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CfsslError);
    expect(err).toMatchObject({ cfsslCode: 9300, message: 'CSR Bad request' });
  });
});

describe('selectSelfSignProfile (cfssl 1.6 cli/selfsign)', () => {
  const p = policy({
    signing: { default: { expiry: '10h', usages: ['signing'] }, profiles: { www: { expiry: '20h', usages: ['server auth'] } } },
  });
  it('uses the built-in default with expiry 2190h without a config', () => {
    const prof = selectSelfSignProfile(null, 'www');
    expect(prof.expiryString).toBe('2190h');
    expect(prof.usages).toEqual(['signing', 'key encipherment', 'server auth', 'client auth']);
  });
  it('uses the named profile, else the config default (1.6 falls back, 1.2 ignored the default)', () => {
    expect(selectSelfSignProfile(p, 'www').expiryString).toBe('20h');
    expect(selectSelfSignProfile(p, 'nope').expiryString).toBe('10h');
    expect(selectSelfSignProfile(p, '').expiryString).toBe('10h');
  });
  it("uses cfssl's 8760h built-in default for a config without signing.default", () => {
    const q = policy({ signing: { profiles: { www: { expiry: '20h', usages: ['server auth'] } } } });
    expect(selectSelfSignProfile(q, '').expiryString).toBe('8760h');
  });
});
