import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChildren, readSingle } from '../der/der-reader.js';
import { emptyName } from '../name/distinguished-name.js';
import type { KeyPair } from '../keys/key-pair.js';
import { importPrivateKeyPem } from '../keys/import-private-key.js';
import { createSigner } from '../keys/signer.js';
import type { CaSpec } from '../csr-request/certificate-request-spec.js';
import { buildCsr, encodeCertificationRequestInfo, type CsrContent } from './build-csr.js';
import { ascii, bytesFromHex as h, hex, tlv } from '@cfssl-ts/test-support/der-builders';
import { goldenUrl } from '@cfssl-ts/test-support/repo-paths';

// Test-local DER builder (X.690 §8.1.3), independent of core's der-writer.

const goldenRoot = goldenUrl('cfssl-1.6.5');
const goldenKey = (id: string, file = 'key.pem'): Promise<KeyPair> =>
  importPrivateKeyPem(readFileSync(new URL(`${id}/${file}`, goldenRoot), 'utf8'));

// Any SubjectPublicKeyInfo; encodeCertificationRequestInfo copies it verbatim.
const SPKI = h('3059301306072a8648ce3d020106082a8648ce3d03010703420004' + '11'.repeat(64));
const CN_X = tlv(0x30, tlv(0x31, tlv(0x30, h('0603550403'), tlv(0x13, ascii('x')))));
const EXT_REQ_OID = h('06092a864886f70d01090e');
const BC_OID = h('0603551d13');
const SAN_OID = h('0603551d11');
const DELEGATION_OID = h('06092b0601040182da4b2c'); // 1.3.6.1.4.1.44363.44

const content = (over: Partial<CsrContent> = {}): CsrContent => ({
  subject: { ...emptyName(), commonName: 'x' },
  sans: { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] },
  ca: null,
  delegationEnabled: false,
  extensions: [],
  ...over,
});
const ca = (pathlen: number, pathlenzero = false): CaSpec => ({ pathlen, pathlenzero, expiry: '', backdate: '' });
// RFC 2986 §4.1 CertificationRequestInfo with Go's single extensionRequest attribute (RFC 2985 §5.4.2).
const infoWith = (...extensions: Uint8Array[]): Uint8Array =>
  tlv(
    0x30,
    h('020100'),
    CN_X,
    SPKI,
    extensions.length === 0 ? tlv(0xa0) : tlv(0xa0, tlv(0x30, EXT_REQ_OID, tlv(0x31, tlv(0x30, ...extensions)))),
  );
const ext = (oid: Uint8Array, critical: boolean, value: Uint8Array): Uint8Array =>
  tlv(0x30, oid, ...(critical ? [h('0101ff')] : []), tlv(0x04, value));

describe('encodeCertificationRequestInfo (cfssl csr.GenerateDER + Go CreateCertificateRequest, reference §5.2)', () => {
  it('writes empty attributes (A0 00) when there are no extensions', () => {
    const info = encodeCertificationRequestInfo(content(), SPKI);
    expect(hex(info)).toBe(hex(infoWith()));
    expect(hex(info.subarray(-2))).toBe('a000');
  });

  it('writes one extensionRequest with a non-critical SAN: DNS, email, IP, URI (Go marshalSANs)', () => {
    const info = encodeCertificationRequestInfo(
      content({
        sans: {
          dnsNames: ['a.example', '*.b.example'],
          emailAddresses: ['x@y.test'],
          // 16-byte IPv4-mapped addresses are written as 4 bytes (Go: ip.To4()).
          ipAddresses: [h('00000000000000000000ffff01020304'), h('20010db8000000000000000000000001')],
          uris: ['urn:z', 'https://u.example/p'],
        },
      }),
      SPKI,
    );
    const san = tlv(
      0x30,
      tlv(0x82, ascii('a.example')),
      tlv(0x82, ascii('*.b.example')),
      tlv(0x81, ascii('x@y.test')),
      tlv(0x87, [1, 2, 3, 4]),
      tlv(0x87, h('20010db8000000000000000000000001')),
      tlv(0x86, ascii('urn:z')),
      tlv(0x86, ascii('https://u.example/p')),
    );
    expect(hex(info)).toBe(hex(infoWith(ext(SAN_OID, false, san))));
  });

  // cfssl appendCAInfoToCSR: pathlen 0 without pathlenzero → -1; asn1 `optional,default:-1` omits -1.
  it.each([
    ['pathlen 0 without pathlenzero: no pathLen', ca(0), '30030101ff'],
    ['pathlen -1: no pathLen', ca(-1), '30030101ff'],
    ['pathlen -1 with pathlenzero: still none', ca(-1, true), '30030101ff'],
    ['pathlen 0 with pathlenzero', ca(0, true), '30060101ff020100'],
    ['pathlen 2', ca(2), '30060101ff020102'],
    ['pathlen 3 with pathlenzero (ignored)', ca(3, true), '30060101ff020103'],
    ['pathlen 200 (two content octets)', ca(200), '30070101ff020200c8'],
  ])('adds a critical basicConstraints for `ca`: %s', (_what, caSpec, value) => {
    expect(hex(encodeCertificationRequestInfo(content({ ca: caSpec }), SPKI))).toBe(hex(infoWith(ext(BC_OID, true, h(value)))));
  });

  it('puts the SAN before basicConstraints and custom extensions after them', () => {
    const info = encodeCertificationRequestInfo(
      content({
        sans: { dnsNames: ['a.example'], emailAddresses: [], ipAddresses: [], uris: [] },
        ca: ca(1),
        extensions: [
          { id: [1, 2, 3, 4], critical: false, value: h('0500') },
          { id: [2, 5, 29, 37], critical: true, value: h('300a06082b06010505070301') },
        ],
      }),
      SPKI,
    );
    expect(hex(info)).toBe(
      hex(
        infoWith(
          ext(SAN_OID, false, tlv(0x30, tlv(0x82, ascii('a.example')))),
          ext(BC_OID, true, h('30060101ff020101')),
          ext(h('06032a0304'), false, h('0500')),
          ext(h('0603551d25'), true, h('300a06082b06010505070301')),
        ),
      ),
    );
  });

  it('replaces the extension list with DelegationUsage when delegation_enabled (cfssl 1.6 quirk, §5.2)', () => {
    const info = encodeCertificationRequestInfo(
      content({ ca: ca(1), delegationEnabled: true, extensions: [{ id: [1, 2, 3, 4], critical: true, value: h('0101ff') }] }),
      SPKI,
    );
    expect(hex(info)).toBe(hex(infoWith(ext(DELEGATION_OID, false, h('0500')), ext(h('06032a0304'), true, h('0101ff')))));
  });

  it('keeps the SAN (built from hosts) when delegation replaces the extra extensions', () => {
    const info = encodeCertificationRequestInfo(
      content({ sans: { dnsNames: ['d.example'], emailAddresses: [], ipAddresses: [], uris: [] }, delegationEnabled: true }),
      SPKI,
    );
    expect(hex(info)).toBe(
      hex(infoWith(ext(SAN_OID, false, tlv(0x30, tlv(0x82, ascii('d.example')))), ext(DELEGATION_OID, false, h('0500')))),
    );
  });

  it('lets a custom SAN extension suppress the hosts SAN (Go: oidInExtensions)', () => {
    const custom = tlv(0x30, tlv(0x82, ascii('custom.example')));
    const info = encodeCertificationRequestInfo(
      content({
        sans: { dnsNames: ['hosts.example'], emailAddresses: [], ipAddresses: [], uris: [] },
        extensions: [{ id: [2, 5, 29, 17], critical: true, value: custom }],
      }),
      SPKI,
    );
    expect(hex(info)).toBe(hex(infoWith(ext(SAN_OID, true, custom))));
  });
});

// Signature algorithm by key (cfssl helpers.SignerAlgo, reference §5.2): keys made by cfssl 1.6.5.
describe('buildCsr: signature algorithm follows the key, and the signature verifies', () => {
  const cases: Array<[string, string, string, string | null, string]> = [
    ['RSA 2048', 'genkey-initca-rsa2048-pathlenzero', '300d06092a864886f70d01010b0500', 'sha256', 'key.pem'],
    ['RSA 3072', 'initca-rsa3072-no-ca-section', '300d06092a864886f70d01010c0500', 'sha384', 'key.pem'],
    ['RSA 4096', 'initca-rsa4096-multi-o-ou-ip-hosts', '300d06092a864886f70d01010d0500', 'sha512', 'key.pem'],
    ['P-256', 'initca-ecdsa256-pathlen1', '300a06082a8648ce3d040302', 'sha256', 'key.pem'],
    ['P-384', 'genkey-ecdsa384', '300a06082a8648ce3d040303', 'sha384', 'key.pem'],
    ['P-521', 'initca-ecdsa521-ip-host', '300a06082a8648ce3d040304', 'sha512', 'key.pem'],
    ['Ed25519', 'initca-ed25519', '300506032b6570', null, 'key.pem'],
  ];
  const keys = new Map<string, KeyPair>();
  beforeAll(async () => {
    for (const [, id, , , file] of cases) keys.set(id, await goldenKey(id, file));
  });

  it.each(cases)('%s → AlgorithmIdentifier %s', async (_name, id, algorithmIdentifier, hash) => {
    const key = keys.get(id)!;
    const der = await buildCsr(content(), key.spki, createSigner(key));
    const [info, alg, sig] = readChildren(readSingle(der));
    expect(hex(alg!.raw)).toBe(algorithmIdentifier);
    expect(hex(info!.raw)).toBe(hex(encodeCertificationRequestInfo(content(), key.spki)));
    expect(sig!.content[0]).toBe(0); // BIT STRING with no unused bits
    const publicKey = createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' });
    expect(verify(hash, info!.raw, publicKey, sig!.content.subarray(1))).toBe(true);
  });
});
