import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../cert/parse-certificate.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import { verifySignature } from '../keys/verify-signature.js';
import { formatGoIp } from '../go/parse-ip.js';
import { initCa } from './init-ca.js';
import { renewCa } from './renew-ca.js';
import { signCertificateRequest } from './sign-certificate-request.js';
import { caProfile, policyOf } from './ca-profile.js';
import { createCsrForKey } from '../csr/generate-csr.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

const NOW = Date.parse('2026-11-28T02:33:04Z');
const LATER = Date.parse('2027-03-01T10:00:40Z');

const root = await initCa(
  parseCsrRequest(
    JSON.stringify({
      CN: 'Renew Root',
      names: [{ C: 'US', O: 'Acme', OU: 'Ops', L: 'SF', ST: 'CA' }, { O: 'Second' }],
      hosts: ['10.1.2.3', 'ca.example', 'ops@acme.example'],
      key: { algo: 'ecdsa', size: 256 },
      ca: { expiry: '1000h', pathlen: 1 },
    }),
  ),
  { now: () => NOW },
);
const rootCert = parseCertificate(root.certificate.der);

describe('renewCa (cfssl initca.RenewFromSigner, reference §5.12)', () => {
  it('keeps subject, path length, IP hosts and the validity length; new serial and dates from the clock', async () => {
    const renewed = parseCertificate((await renewCa(rootCert, root.key, { now: () => LATER, serialNumber: 77n })).der);
    expect(hex(renewed.subject.raw)).toBe(hex(rootCert.subject.raw));
    expect(hex(renewed.issuer.raw)).toBe(hex(rootCert.subject.raw));
    expect(renewed.serialNumber).toBe(77n);
    // local signer validity: round(now) − 5 min, + NotAfter − NotBefore of the old certificate (1000h)
    expect(new Date(renewed.notBefore).toISOString()).toBe('2027-03-01T09:56:00.000Z');
    expect(renewed.notAfter - renewed.notBefore).toBe(1000 * 3600_000);
    expect(renewed.isCa).toBe(true);
    expect(renewed.maxPathLen).toBe(1);
    // a CA keeps only its IP SANs (reference §5.5)
    expect(renewed.sans.ipAddresses.map(formatGoIp)).toEqual(['10.1.2.3']);
    expect(renewed.sans.dnsNames).toEqual([]);
    expect(renewed.sans.emailAddresses).toEqual([]);
    expect(hex(renewed.extensions.find((e) => e.oid === '2.5.29.15')!.value)).toBe('03020106');
    expect(renewed.authorityKeyId.length).toBe(0);
    expect(hex(renewed.subjectKeyId)).toBe(hex(rootCert.subjectKeyId));
    expect(await verifySignature(root.key.spki, renewed.signatureAlgorithmOid, renewed.tbs, renewed.signature)).toBe(true);
  });

  it('re-issues an intermediate as a self-signed root with certSign|cRLSign only', async () => {
    const interKey = await generateKeyPair({ algo: 'rsa', size: 2048 });
    const profile = caProfile();
    profile.usages = ['cert sign', 'crl sign', 'signing'];
    profile.caConstraint = { isCa: true, maxPathLen: 0, maxPathLenZero: true };
    const interCsr = await createCsrForKey(
      parseCsrRequest(JSON.stringify({ CN: 'Inter', ca: { pathlen: 0, pathlenzero: true } })),
      interKey,
    );
    const inter = await signCertificateRequest({ request: interCsr.pem, hosts: null, profile: '' }, policyOf(profile), {
      certificate: rootCert,
      key: root.key,
    });
    const interCert = parseCertificate(inter.der);
    expect(hex(interCert.issuer.raw)).not.toBe(hex(interCert.subject.raw));
    expect(interCert.keyUsage).toBe((1 << 0) | (1 << 5) | (1 << 6));
    const renewed = parseCertificate((await renewCa(interCert, interKey)).der);
    expect(hex(renewed.issuer.raw)).toBe(hex(interCert.subject.raw));
    expect(renewed.authorityKeyId.length).toBe(0);
    expect(renewed.keyUsage).toBe((1 << 5) | (1 << 6));
    expect(renewed.maxPathLen).toBe(0);
    expect(renewed.maxPathLenZero).toBe(true);
    expect(await verifySignature(interKey.spki, renewed.signatureAlgorithmOid, renewed.tbs, renewed.signature)).toBe(true);
  });

  it('refuses a certificate that is not a CA (plain text, as cfssl)', async () => {
    const leafKey = await generateKeyPair({ algo: 'ecdsa', size: 256 });
    const csr = await createCsrForKey(parseCsrRequest('{"CN":"leaf"}'), leafKey);
    const leaf = parseCertificate(
      (
        await signCertificateRequest(
          { request: csr.pem, hosts: ['leaf.example'], profile: '' },
          policyOf({ ...caProfile(), caConstraint: { isCa: false, maxPathLen: 0, maxPathLenZero: false }, usages: ['signing'] }),
          { certificate: rootCert, key: root.key },
        )
      ).der,
    );
    await expect(renewCa(leaf, leafKey)).rejects.toMatchObject({ plain: true, message: 'input certificate is not a CA cert' });
  });

  it('refuses a key that is not the certificate key: 2300', async () => {
    const other = await generateKeyPair({ algo: 'ecdsa', size: 256 });
    await expect(renewCa(rootCert, other)).rejects.toMatchObject({ cfsslCode: 2300, message: 'Private key does not match public key' });
    const rsa = await generateKeyPair({ algo: 'rsa', size: 2048 });
    await expect(renewCa(rootCert, rsa)).rejects.toMatchObject({ cfsslCode: 2300 });
  });
});
