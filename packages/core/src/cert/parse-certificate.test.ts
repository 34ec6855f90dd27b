import { X509Certificate, createHash, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DerError, readChildren, readSingle } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { emptyName } from '../name/distinguished-name.js';
import { encodeTbsCertificate, assembleSignedDer } from './encode-tbs-certificate.js';
import type { CertificateTemplate } from './certificate-template.js';
import { parseCertificate } from './parse-certificate.js';
import { hex, tlv } from '@cfssl-ts/test-support/der-builders';
import { goldenUrl } from '@cfssl-ts/test-support/repo-paths';

const issueTestdata = new URL('../issue/testdata/', import.meta.url);
const goldenRoot = goldenUrl('cfssl-1.6.5');
const pemText = (url: URL): string => readFileSync(url, 'utf8');
const derOf = (pem: string): Uint8Array => decodePemBlocks(pem)[0]!.der;
const h = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

// Test-local DER builder (X.690 §8.1.3), independent of core's der-writer.

const ROOT_PEM = pemText(new URL('utf8-root-ca.pem', issueTestdata));
const LEAF_PEM = pemText(new URL('san-edge-leaf.pem', issueTestdata));
// From `openssl asn1parse -in utf8-root-ca.pem`: C=US PrintableString, O and CN UTF8String.
const ROOT_SUBJECT_HEX =
  '303b310b3009060355040613025553' +
  '3110300e060355040a0c07436f6e746f736f' +
  '311a301806035504030c11436f6e746f736f2055544638' +
  '20526f6f74';
const DAY_MS = 86_400_000;

// The subjectPublicKey bits of a P-256 SPKI are its last 65 bytes (uncompressed point).
const p256KeyBits = (cert: X509Certificate): Buffer => cert.publicKey.export({ type: 'spki', format: 'der' }).subarray(-65);

describe('parseCertificate on OpenSSL-made certificates (RFC 5280 §4.1)', () => {
  it('reads the UTF8 root: raw names, validity, key, extensions (utf8-root-ca.pem)', () => {
    const node = new X509Certificate(ROOT_PEM);
    const c = parseCertificate(derOf(ROOT_PEM));
    expect(c.version).toBe(3);
    expect(c.serialNumber).toBe(0x1001n);
    expect(c.signatureAlgorithmOid).toBe('1.2.840.10045.4.3.2');
    expect(hex(c.subject.raw)).toBe(ROOT_SUBJECT_HEX);
    expect(hex(c.issuer.raw)).toBe(ROOT_SUBJECT_HEX);
    expect(c.subject.name.commonName).toBe('Contoso UTF8 Root');
    expect(c.notBefore).toBe(Date.parse(node.validFrom));
    expect(c.notAfter).toBe(Date.parse(node.validTo));
    expect(c.notAfter - c.notBefore).toBe(36500 * DAY_MS);
    expect(hex(c.subjectPublicKeyInfo)).toBe(hex(node.publicKey.export({ type: 'spki', format: 'der' })));
    expect(c.extensions.map((e) => [e.oid, e.critical])).toEqual([
      ['2.5.29.19', true],
      ['2.5.29.15', true],
      ['2.5.29.14', false],
    ]);
    // subjectKeyIdentifier = hash: SHA-1 of the key bits (RFC 5280 §4.2.1.2 method 1).
    expect(hex(c.subjectKeyId)).toBe(createHash('sha1').update(p256KeyBits(node)).digest('hex'));
    expect(c.authorityKeyId.length).toBe(0);
    expect([c.basicConstraintsValid, c.isCa, c.maxPathLen, c.maxPathLenZero]).toEqual([true, true, -1, false]);
    expect(c.keyUsage).toBe(32 | 64); // Go KeyUsageCertSign | KeyUsageCRLSign
    expect(c.extKeyUsage).toEqual([]);
    expect(c.sans).toEqual({ dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] });
  });

  it('slices tbs and signature so the signature verifies (node:crypto)', () => {
    const c = parseCertificate(derOf(ROOT_PEM));
    expect(verify('sha256', c.tbs, new X509Certificate(ROOT_PEM).publicKey, c.signature)).toBe(true);
    expect(hex(c.raw)).toBe(hex(derOf(ROOT_PEM)));
  });

  it('reads the edge leaf: AKI, SANs in Go lists, 16-byte IPv4-mapped address kept (san-edge-leaf.pem)', () => {
    const root = parseCertificate(derOf(ROOT_PEM));
    const c = parseCertificate(derOf(LEAF_PEM));
    expect(c.serialNumber).toBe(0x2002n);
    expect(hex(c.issuer.raw)).toBe(ROOT_SUBJECT_HEX);
    expect(hex(c.authorityKeyId)).toBe(hex(root.subjectKeyId));
    expect(c.sans.dnsNames).toEqual(['edge.example', 'second.example']);
    expect(c.sans.emailAddresses).toEqual(['ops@x.test']);
    expect(c.sans.ipAddresses.map(hex)).toEqual(['00000000000000000000ffff0a000001', '20010db8000000000000000000000001']);
    expect([c.basicConstraintsValid, c.isCa, c.maxPathLen]).toEqual([true, false, -1]);
    expect(c.keyUsage).toBe(1); // digitalSignature
    expect(c.notAfter - c.notBefore).toBe(3650 * DAY_MS);
  });
});

describe('parseCertificate on cfssl 1.6.5 output (golden corpus)', () => {
  const golden = (id: string): Uint8Array => derOf(pemText(new URL(`${id}/cert.pem`, goldenRoot)));

  it('reads all nine key usage bits (sign-ku-all-names)', () => {
    expect(parseCertificate(golden('sign-ku-all-names')).keyUsage).toBe(511);
  });

  it('reads EKUs in certificate order with duplicates (sign-eku-all-names-dups, reference §3.4)', () => {
    expect(parseCertificate(golden('sign-eku-all-names-dups')).extKeyUsage).toEqual([
      '2.5.29.37.0',
      '1.3.6.1.5.5.7.3.1',
      '1.3.6.1.5.5.7.3.2',
      '1.3.6.1.5.5.7.3.3',
      '1.3.6.1.5.5.7.3.4',
      '1.3.6.1.5.5.7.3.4',
      '1.3.6.1.5.5.7.3.5',
      '1.3.6.1.5.5.7.3.6',
      '1.3.6.1.5.5.7.3.7',
      '1.3.6.1.5.5.7.3.8',
      '1.3.6.1.5.5.7.3.9',
      '1.3.6.1.4.1.311.10.3.3',
      '2.16.840.1.113730.4.1',
      '2.5.29.37.0',
      '1.3.6.1.5.5.7.3.8',
    ]);
  });

  it('reads UTCTime and GeneralizedTime (sign-pinned-validity-2050-boundary, RFC 5280 §4.1.2.5)', () => {
    const c = parseCertificate(golden('sign-pinned-validity-2050-boundary'));
    expect(c.notBefore).toBe(Date.UTC(2020, 0, 1));
    expect(c.notAfter).toBe(Date.UTC(2050, 0, 1));
  });

  it('reads an explicit pathlen 0 (sign-ca-constraint-pathlen0-zero)', () => {
    const c = parseCertificate(golden('sign-ca-constraint-pathlen0-zero'));
    expect([c.isCa, c.maxPathLen, c.maxPathLenZero]).toEqual([true, 0, true]);
  });
});

describe('round trip: parseCertificate(encodeTbsCertificate(template))', () => {
  it('returns the template fields', () => {
    const template: CertificateTemplate = {
      serialNumber: (1n << 158n) + 12345n,
      subject: { ...emptyName(), country: ['NL'], organization: ['RT'], commonName: 'rt.example' },
      // Any well-formed SPKI will do; take the root's.
      subjectPublicKeyInfo: parseCertificate(derOf(ROOT_PEM)).subjectPublicKeyInfo,
      notBefore: Date.UTC(2049, 11, 31, 23, 59, 59),
      notAfter: Date.UTC(2050, 0, 1, 0, 0, 0),
      keyUsage: 1 | 4,
      extKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.1'],
      basicConstraintsValid: true,
      isCa: true,
      maxPathLen: 3,
      maxPathLenZero: false,
      subjectKeyId: new Uint8Array(20).fill(0x11),
      authorityKeyId: new Uint8Array(0),
      ocspServers: ['http://ocsp.example/'],
      issuingCertificateUrls: ['http://ca.example/ca.der'],
      sans: { dnsNames: ['rt.example'], emailAddresses: ['rt@example.test'], ipAddresses: [Uint8Array.of(10, 1, 2, 3)], uris: ['urn:rt'] },
      crlDistributionPoints: ['http://ca.example/crl'],
      extraExtensions: [{ oid: '1.3.6.1.5.5.7.48.1.5', critical: false, value: Uint8Array.of(5, 0) }],
    };
    const issuer = { subjectRaw: h(ROOT_SUBJECT_HEX), subjectKeyId: new Uint8Array(20).fill(0x22) };
    const alg = h('300a06082a8648ce3d040302');
    const der = assembleSignedDer(encodeTbsCertificate(template, issuer, alg), alg, h('3006020101020101'));
    const c = parseCertificate(der);
    expect(c.serialNumber).toBe(template.serialNumber);
    expect([c.notBefore, c.notAfter]).toEqual([template.notBefore, template.notAfter]);
    expect(c.subject.name).toEqual(template.subject);
    expect(hex(c.issuer.raw)).toBe(ROOT_SUBJECT_HEX);
    expect(c.keyUsage).toBe(5);
    expect(c.extKeyUsage).toEqual(template.extKeyUsage);
    expect([c.isCa, c.maxPathLen, c.maxPathLenZero]).toEqual([true, 3, false]);
    expect(hex(c.subjectKeyId)).toBe('11'.repeat(20));
    expect(hex(c.authorityKeyId)).toBe('22'.repeat(20));
    expect({ ...c.sans, ipAddresses: c.sans.ipAddresses.map(hex) }).toEqual({ ...template.sans, ipAddresses: ['0a010203'] });
    expect(c.extensions.at(-1)!.oid).toBe('1.3.6.1.5.5.7.48.1.5');
    expect(hex(c.signature)).toBe('3006020101020101');
  });
});

describe('parseCertificate: malformed input gives DerError', () => {
  const root = readSingle(derOf(ROOT_PEM));
  const [tbs, sigAlg, sig] = readChildren(root) as [
    ReturnType<typeof readSingle>,
    ReturnType<typeof readSingle>,
    ReturnType<typeof readSingle>,
  ];
  const tbsFields = readChildren(tbs);
  const withTbs = (fields: Uint8Array[]): Uint8Array => tlv(0x30, tlv(0x30, ...fields), sigAlg.raw, sig.raw);
  const field = (i: number): Uint8Array => tbsFields[i]!.raw;
  const replaced = (i: number, v: Uint8Array): Uint8Array => withTbs(tbsFields.map((f, j) => (j === i ? v : f.raw)));

  it.each([
    ['empty input', new Uint8Array(0)],
    ['a truncated certificate', derOf(ROOT_PEM).subarray(0, 100)],
    ['trailing data after the certificate', Uint8Array.from([...derOf(ROOT_PEM), 0x00])],
    ['a SET as the outer element', tlv(0x31, tbs.raw, sigAlg.raw, sig.raw)],
    ['a certificate without signatureValue', tlv(0x30, tbs.raw, sigAlg.raw)],
    ['a TBSCertificate without subjectPublicKeyInfo', withTbs([0, 1, 2, 3, 4, 5].map(field))],
    ['a serialNumber that is an OCTET STRING', replaced(1, tlv(0x04, [0x10, 0x01]))],
    ['a validity with one time', replaced(4, tlv(0x30, readChildren(tbsFields[4]!)[0]!.raw))],
    [
      'a GeneralizedTime with fractional seconds',
      replaced(4, tlv(0x30, tlv(0x18, [...Buffer.from('20261128032400.5Z')]), readChildren(tbsFields[4]!)[1]!.raw)),
    ],
    ['extensions [3] holding a SET', replaced(7, tlv(0xa3, tlv(0x31)))],
    [
      'a keyUsage value that is not a BIT STRING',
      replaced(7, tlv(0xa3, tlv(0x30, tlv(0x30, [0x06, 0x03, 0x55, 0x1d, 0x0f], tlv(0x04, tlv(0x04, [0x06])))))),
    ],
    ['a signatureValue that is an OCTET STRING', tlv(0x30, tbs.raw, sigAlg.raw, tlv(0x04, [0x00]))],
    ['an issuer RDN that is not a SET', replaced(3, tlv(0x30, tlv(0x30)))],
  ])('%s', (_what, der) => {
    expect(() => parseCertificate(der)).toThrow(DerError);
  });

  // Regression test (formerly a bug in parse-certificate.ts): an empty `[0] version` wrapper and an empty signatureAlgorithm
  // SEQUENCE are dereferenced without a check (`v!.content`, `algOid!.content`) and escape as a
  // TypeError instead of DerError; Go's x509.ParseCertificate reports them as malformed
  // ("x509: malformed version" / "x509: malformed signature algorithm identifier").
  it('an empty [0] version is a DerError', () => {
    expect(() => parseCertificate(replaced(0, tlv(0xa0)))).toThrow(DerError);
  });
  it('an empty signatureAlgorithm SEQUENCE is a DerError', () => {
    expect(() => parseCertificate(tlv(0x30, tbs.raw, tlv(0x30), sig.raw))).toThrow(DerError);
  });
});
