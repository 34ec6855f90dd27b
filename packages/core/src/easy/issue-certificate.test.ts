import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { builtinSigningPolicy } from '../config/builtin-signing-policy.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { generateKeyAndCsr } from '../csr/generate-csr.js';
import { signCertificateRequest } from '../issue/sign-certificate-request.js';
import { issueCertificate } from './issue-certificate.js';
import { makeCa } from './make-ca.js';

const config = { signing: { profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth'] } } } };

describe('makeCa and issueCertificate', () => {
  it('make the tutorial CA and a server certificate its key verifies', async () => {
    const ca = await makeCa({ cn: 'etcd CA', keySpec: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing' }] });
    expect(ca.keyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const server = await issueCertificate(ca, { cn: 'etcd', hosts: ['127.0.0.1', 'etcd.local'], profile: 'www', config });
    const x = new X509Certificate(server.certificate.pem);
    expect(x.verify(new X509Certificate(ca.certificate.pem).publicKey)).toBe(true);
    expect(x.subjectAltName).toBe('DNS:etcd.local, IP Address:127.0.0.1');
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(x.issuer).toBe('C=CN\nL=Beijing\nCN=etcd CA');
    expect(server.keyPem).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
  });

  it('refuse a profile the config lacks unless strictProfile is false (cfssl falls back to the default)', async () => {
    const ca = await makeCa({ cn: 'CA' });
    const typo = issueCertificate(ca, { cn: 'etcd', profile: 'wwww', config });
    await expect(typo).rejects.toBeInstanceOf(CfsslError);
    await expect(typo).rejects.toMatchObject({ code: 'ERR_POLICY', cfsslCode: 5400, message: 'Unknown policy profile "wwww"' });
    const fallback = await issueCertificate(ca, { cn: 'etcd', profile: 'wwww', config: JSON.stringify(config), strictProfile: false });
    expect(new X509Certificate(fallback.certificate.pem).verify(new X509Certificate(ca.certificate.pem).publicKey)).toBe(true);
  });

  it("take initCa's result as the authority of signCertificateRequest, hosts and profile omitted", async () => {
    const ca = await makeCa({ cn: 'CA', expiry: '8760h' });
    const leaf = await generateKeyAndCsr(parseCsrRequest({ CN: 'leaf', hosts: ['leaf.example'] }));
    const cert = await signCertificateRequest({ request: leaf.pem }, builtinSigningPolicy(), ca);
    const x = new X509Certificate(cert.pem);
    expect(x.verify(new X509Certificate(ca.certificate.pem).publicKey)).toBe(true);
    // hosts absent keeps the CSR's SANs (cfssl's nil hosts).
    expect(x.subjectAltName).toBe('DNS:leaf.example');
    expect(ca.certificate.notAfter - ca.certificate.notBefore).toBe(8760 * 3600 * 1000);
  });
});
