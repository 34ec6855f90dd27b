import { X509Certificate, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DerError, readChildren, readSingle, type DerNode } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { emptyName, NAME_OID } from '../name/distinguished-name.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import { createSigner } from '../keys/signer.js';
import { buildCsr } from './build-csr.js';
import { parseCsr } from './parse-csr.js';
import { hex, tlv } from '@cfssl-ts/test-support/der-builders';
import { goldenUrl } from '@cfssl-ts/test-support/repo-paths';

const issueTestdata = new URL('../issue/testdata/', import.meta.url);
const goldenRoot = goldenUrl('cfssl-1.6.5');
const derOf = (pem: string): Uint8Array => decodePemBlocks(pem)[0]!.der;
const h = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const spkiKey = (spki: Uint8Array) => createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });

// Test-local DER builder (X.690 §8.1.3), independent of core's der-writer.

const EDGE_CSR = derOf(readFileSync(new URL('san-edge-leaf.csr', issueTestdata), 'utf8'));
const EDGE_KEY_SPKI = new X509Certificate(readFileSync(new URL('san-edge-leaf.pem', issueTestdata))).publicKey.export({
  type: 'spki',
  format: 'der',
});

// RFC 2986 §4: CertificationRequest { CertificationRequestInfo { version, subject, spki, [0] attributes }, alg, sig }
describe('parseCsr on an OpenSSL-made CSR (san-edge-leaf.csr)', () => {
  const csr = parseCsr(EDGE_CSR);

  it('exposes the parts the signature covers and verifies with node:crypto', () => {
    expect(csr.signatureAlgorithmOid).toBe('1.2.840.10045.4.3.2');
    expect(hex(csr.subjectPublicKeyInfo)).toBe(hex(EDGE_KEY_SPKI));
    expect(verify('sha256', csr.info, spkiKey(csr.subjectPublicKeyInfo), csr.signature)).toBe(true);
    expect(hex(csr.raw)).toBe(hex(EDGE_CSR));
  });

  it('reads the subject like Go FillFromRDNSequence, keeping emailAddress as an extra (cfssl 1.6)', () => {
    expect(csr.subject.name).toEqual({
      ...emptyName(),
      country: ['US', 'CA'],
      province: ['Quebec'],
      locality: ['Montreal'],
      organization: ['Org One', 'Org Two', 'Org Three'],
      organizationalUnit: ['Unit'],
      commonName: 'edge.example',
      serialNumber: 'SN-42',
      extraNames: [{ oid: NAME_OID.emailAddress, value: 'e@x.test' }],
    });
  });

  it('reads the extensionRequest and its SANs (Go: DNSNames, EmailAddresses, IPAddresses, URIs)', () => {
    expect(csr.extensions.map((e) => [e.oid, e.critical])).toEqual([['2.5.29.17', false]]);
    expect(csr.sans.dnsNames).toEqual(['edge.example', 'second.example']);
    expect(csr.sans.emailAddresses).toEqual(['ops@x.test']);
    expect(csr.sans.ipAddresses.map(hex)).toEqual(['00000000000000000000ffff0a000001', '20010db8000000000000000000000001']);
    expect(csr.sans.uris.length).toBe(1);
  });
});

describe('parseCsr on cfssl 1.6.5 output', () => {
  it('reads extra subject attributes and the empty-attributes form (gencert-serialnumber-email-oid-names)', () => {
    const csr = parseCsr(derOf(readFileSync(new URL('gencert-serialnumber-email-oid-names/csr.pem', goldenRoot), 'utf8')));
    expect(csr.subject.name.commonName).toBe('sensor-7.contoso.dev');
    expect(csr.subject.name.serialNumber).toBe('CT-7');
    expect(csr.subject.name.extraNames).toEqual([
      { oid: '2.5.4.15', value: 'Device' },
      { oid: NAME_OID.emailAddress, value: 'iot@contoso.dev' },
    ]);
    expect(csr.extensions).toEqual([]); // reference §5.2: attributes A0 00
  });

  it('reads a requested basicConstraints (genkey-initca-rsa2048-pathlenzero)', () => {
    const csr = parseCsr(derOf(readFileSync(new URL('genkey-initca-rsa2048-pathlenzero/csr.pem', goldenRoot), 'utf8')));
    expect(csr.extensions.map((e) => [e.oid, e.critical, hex(e.value)])).toEqual([['2.5.29.19', true, '30060101ff020100']]);
    expect(csr.signatureAlgorithmOid).toBe('1.2.840.113549.1.1.11');
  });
});

// A CSR assembled from parts (the signature is not checked by parseCsr).
const SUBJECT = tlv(0x30, tlv(0x31, tlv(0x30, h('0603550403'), tlv(0x13, [0x78]))));
const ALG = h('300a06082a8648ce3d040302');
const SIG = tlv(0x03, [0x00, 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]);
const extReq = (...exts: Uint8Array[]): Uint8Array => tlv(0x30, h('06092a864886f70d01090e'), tlv(0x31, tlv(0x30, ...exts)));
const sanExt = (dns: string): Uint8Array => tlv(0x30, h('0603551d11'), tlv(0x04, tlv(0x30, tlv(0x82, [...Buffer.from(dns)]))));
const csrOf = (attributes: Uint8Array | null, spki: Uint8Array = EDGE_KEY_SPKI): Uint8Array =>
  tlv(0x30, tlv(0x30, h('020100'), SUBJECT, spki, ...(attributes ? [attributes] : [])), ALG, SIG);

describe('parseCsr: attributes (Go parseCSRExtensions)', () => {
  it('ignores other attributes and reads the extensionRequest among them', () => {
    const challenge = tlv(0x30, h('06092a864886f70d010907'), tlv(0x31, tlv(0x0c, [0x70, 0x77])));
    const csr = parseCsr(csrOf(tlv(0xa0, challenge, extReq(sanExt('a.example')))));
    expect(csr.sans.dnsNames).toEqual(['a.example']);
    expect(csr.subject.name.commonName).toBe('x');
  });

  it('reads an empty attribute set as no extensions', () => {
    expect(parseCsr(csrOf(tlv(0xa0))).extensions).toEqual([]);
  });

  // Regression test (formerly a bug in parse-csr.ts): Go's tbsCertificateRequest declares the attributes `asn1:"tag:0"`
  // without `optional` (RFC 2986 §4.1 makes them mandatory), so x509.ParseCertificateRequest
  // fails and cfssl answers 9003; parseCsr accepts a CSR that has no [0] attributes.
  it('rejects a CertificationRequestInfo without [0] attributes', () => {
    expect(() => parseCsr(csrOf(null))).toThrow(DerError);
  });

  // Regression test (formerly a bug in parse-csr.ts): Go rejects "x509: certificate request contains duplicate requested
  // extensions" (so cfssl answers 9003); parseCsr keeps both and the signer uses the first SAN.
  it('rejects duplicate requested extensions (Go parseCSRExtensions)', () => {
    expect(() => parseCsr(csrOf(tlv(0xa0, extReq(sanExt('a.example'), sanExt('b.example')))))).toThrow(DerError);
  });
});

describe('parseCsr: malformed input gives DerError', () => {
  const root = readSingle(EDGE_CSR);
  const [info, alg, sig] = readChildren(root) as [DerNode, DerNode, DerNode];
  it.each([
    ['empty input', new Uint8Array(0)],
    ['a truncated CSR', EDGE_CSR.subarray(0, EDGE_CSR.length - 10)],
    ['trailing data (Go: asn1: syntax error: trailing data)', Uint8Array.from([...EDGE_CSR, 0x00])],
    ['a SET as the outer element', tlv(0x31, info.raw, alg.raw, sig.raw)],
    ['a CSR without its signature', tlv(0x30, info.raw, alg.raw)],
    ['a CertificationRequestInfo that is a SET', tlv(0x30, tlv(0x31, ...readChildren(info).map((n) => n.raw)), alg.raw, sig.raw)],
    [
      'a version that is not an INTEGER',
      tlv(
        0x30,
        tlv(
          0x30,
          h('0400'),
          ...readChildren(info)
            .slice(1)
            .map((n) => n.raw),
        ),
        alg.raw,
        sig.raw,
      ),
    ],
    ['attributes under [1] instead of [0]', csrOf(tlv(0xa1))],
    ['a signature that is not a BIT STRING', tlv(0x30, info.raw, alg.raw, tlv(0x04, [0x00]))],
    ['a non-minimal length inside the info', tlv(0x30, tlv(0x30, h('02810100')), alg.raw, sig.raw)],
    [
      'an extensionRequest holding garbage',
      csrOf(tlv(0xa0, tlv(0x30, h('06092a864886f70d01090e'), tlv(0x31, tlv(0x30, tlv(0x04, [0x00])))))),
    ],
  ])('%s', (_what, der) => {
    expect(() => parseCsr(der)).toThrow(DerError);
  });
});

describe('round trip: parseCsr(buildCsr(...))', () => {
  it('returns the subject, key, extensions and SANs core wrote, and the signature verifies', async () => {
    const key = await generateKeyPair({ algo: 'ecdsa', size: 384 });
    const subject = { ...emptyName(), organization: ['RT'], commonName: 'rt.example', extraNames: [{ oid: '2.5.4.15', value: 'Device' }] };
    const der = await buildCsr(
      {
        subject,
        sans: {
          dnsNames: ['rt.example'],
          emailAddresses: ['rt@example.test'],
          ipAddresses: [Uint8Array.of(10, 0, 0, 9)],
          uris: ['urn:rt'],
        },
        ca: { pathlen: 1, pathlenzero: false, expiry: '', backdate: '' },
        delegationEnabled: false,
        extensions: [{ id: [1, 2, 3, 4], critical: false, value: h('0500') }],
      },
      key.spki,
      createSigner(key),
    );
    const csr = parseCsr(der);
    expect(csr.subject.name).toEqual(subject);
    expect(hex(csr.subjectPublicKeyInfo)).toBe(hex(key.spki));
    expect(csr.signatureAlgorithmOid).toBe('1.2.840.10045.4.3.3');
    expect(csr.extensions.map((e) => [e.oid, e.critical])).toEqual([
      ['2.5.29.17', false],
      ['2.5.29.19', true],
      ['1.2.3.4', false],
    ]);
    expect(csr.sans.dnsNames).toEqual(['rt.example']);
    expect(csr.sans.ipAddresses.map(hex)).toEqual(['0a000009']);
    expect(verify('sha384', csr.info, spkiKey(key.spki), csr.signature)).toBe(true);
  });
});
