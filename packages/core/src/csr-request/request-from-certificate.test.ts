import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGoldenCases, read } from '@cfssl-ts/test-support/golden-cases';
import { decodeFirstPem } from '../pem/pem.js';
import { parseCertificate } from '../cert/parse-certificate.js';
import { createCsrForKey } from '../csr/generate-csr.js';
import { importPrivateKeyPem } from '../keys/import-private-key.js';
import { initCa } from '../issue/init-ca.js';
import type { NameEntry } from './certificate-request-spec.js';
import { parseCsrRequest } from './parse-csr-request.js';
import { requestFromCertificate } from './request-from-certificate.js';
import { hex } from '@cfssl-ts/test-support/der-builders';

const issueTestdata = new URL('../issue/testdata/', import.meta.url);
const certFile = (name: string) => parseCertificate(decodeFirstPem(readFileSync(new URL(name, issueTestdata), 'utf8'))!.der);
const entry = (fields: Partial<NameEntry>): NameEntry => ({
  C: '',
  ST: '',
  L: '',
  O: '',
  OU: '',
  E: '',
  SerialNumber: '',
  OID: [],
  ...fields,
});

// cfssl csr.ExtractCertificateRequest (reference §2.3, §5.12): CN, getNames, getHosts, serialnumber, CA info.
describe('requestFromCertificate on an OpenSSL-made leaf (san-edge-leaf.pem)', () => {
  const req = requestFromCertificate(certFile('san-edge-leaf.pem'));

  it('zips C/O/OU/L/ST values into names entries like cfssl getNames', () => {
    // C: [US, CA], O: [Org One, Org Two, Org Three], OU: [Unit], L: [Montreal], ST: [Quebec] → 3 entries.
    expect(req.names).toEqual([
      entry({ C: 'US', O: 'Org One', OU: 'Unit', L: 'Montreal', ST: 'Quebec' }),
      entry({ C: 'CA', O: 'Org Two' }),
      entry({ O: 'Org Three' }),
    ]);
  });

  it('copies CN and the subject serialNumber; emailAddress is not carried (getNames ignores it)', () => {
    expect(req.CN).toBe('edge.example');
    expect(req.serialnumber).toBe('SN-42');
    expect(req.names.every((n) => n.E === '' && n.OID.length === 0)).toBe(true);
  });

  it('lists hosts as IPs (Go IP.String: IPv4-mapped → dotted quad), then DNS names, then emails', () => {
    expect(req.hosts.slice(0, 5)).toEqual(['10.0.0.1', '2001:db8::1', 'edge.example', 'second.example', 'ops@x.test']);
    expect(req.hosts.length).toBe(6);
  });

  // Regression test (formerly a bug in request-from-certificate.ts): cfssl getHosts appends uri.String() of the *url.URL Go's
  // x509 parser built with url.Parse, which lower-cases the scheme: Go 1.19.8 gives
  // `https://Example.COM/a%2fb` for this certificate. requestFromCertificate copies the raw SAN
  // text `HTTPS://Example.COM/a%2fb`, so `gencsr -cert` / renewca carry a different URI.
  it('ends hosts with the URI as Go url.URL.String() prints it', () => {
    expect(req.hosts[5]).toBe('https://Example.COM/a%2fb');
  });

  it('has no CA section for a leaf and cfssl default key request', () => {
    expect(req.ca).toBeNull();
    expect(req.key).toEqual({ algo: 'ecdsa', size: 256 });
    expect([req.delegationEnabled, req.extensions, req.crlUrl]).toEqual([false, [], '']);
  });
});

describe('requestFromCertificate on CA certificates', () => {
  it('reads an OpenSSL root without pathlen: pathlen -1 (Go MaxPathLen), expiry as Go Duration.String()', () => {
    const req = requestFromCertificate(certFile('utf8-root-ca.pem'));
    expect(req.CN).toBe('Contoso UTF8 Root');
    expect(req.names).toEqual([entry({ C: 'US', O: 'Contoso' })]);
    expect(req.hosts).toEqual([]);
    // 36500 days = 876000h; Go (time.Duration).String() → "876000h0m0s".
    expect(req.ca).toEqual({ pathlen: -1, pathlenzero: false, expiry: '876000h0m0s', backdate: '' });
  });

  it.each([
    ['{"CN":"R","ca":{"pathlen":1}}', { pathlen: 1, pathlenzero: false, expiry: '43800h0m0s', backdate: '' }],
    ['{"CN":"R","ca":{"pathlen":0,"pathlenzero":true}}', { pathlen: 0, pathlenzero: true, expiry: '43800h0m0s', backdate: '' }],
    ['{"CN":"R","ca":{"expiry":"1h30m"}}', { pathlen: -1, pathlenzero: false, expiry: '1h30m0s', backdate: '' }],
    ['{"CN":"R","ca":{"expiry":"0.5h"}}', { pathlen: -1, pathlenzero: false, expiry: '30m0s', backdate: '' }],
  ])('reads an initca root made from %s', async (json, ca) => {
    const root = await initCa(parseCsrRequest(json), { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    expect(requestFromCertificate(parseCertificate(root.certificate.der)).ca).toEqual(ca);
  });

  it('lists IP hosts of a CA (CA certificates keep only IP SANs, reference §5.5)', async () => {
    const root = await initCa(parseCsrRequest('{"CN":"R","hosts":["ca.example","192.0.2.1","fd00::1"]}'));
    expect(requestFromCertificate(parseCertificate(root.certificate.der)).hosts).toEqual(['192.0.2.1', 'fd00::1']);
  });

  it('gives no names entries for a subject without C/O/OU/L/ST', async () => {
    const root = await initCa(parseCsrRequest('{"CN":"Only CN"}'));
    const req = requestFromCertificate(parseCertificate(root.certificate.der));
    expect([req.CN, req.names]).toEqual(['Only CN', []]);
  });
});

describe('gencsr -cert: the CSR cfssl 1.6.5 made from a certificate (golden gencsr-key-from-cert)', () => {
  it('rebuilds the same CSR bytes from the certificate and the RSA key', async () => {
    const c = loadGoldenCases('cfssl-1.6.5').find((g) => g.id === 'gencsr-key-from-cert')!;
    const req = requestFromCertificate(parseCertificate(decodeFirstPem(read(c, 'src-cert.pem'))!.der));
    const key = await importPrivateKeyPem(read(c, 'in-key.pem'));
    const ours = await createCsrForKey(req, key);
    expect(hex(ours.der)).toBe(hex(decodeFirstPem(read(c, 'csr.pem'))!.der));
  });
});
