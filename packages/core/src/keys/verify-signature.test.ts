import { describe, it, expect } from 'vitest';
import { decodeOid, readChildren, readSingle } from '../der/der-reader.js';
import { decodePemBlocks } from '../pem/pem.js';
import { verifySignature } from './verify-signature.js';
import { testdataFiles } from '@cfssl-ts/test-support/testdata-files';

const testdata = new URL('./testdata/', import.meta.url);
const { text, bytes } = testdataFiles(testdata);
const spkiOf = (name: string) => decodePemBlocks(text(name))[0]!.der;

const OID = {
  sha1WithRSA: '1.2.840.113549.1.1.5',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
  ed25519: '1.3.101.112',
};

/** A signed structure (certificate or CSR): the signed part, the algorithm OID and the signature. */
function signedParts(file: string) {
  const [info, algorithm, signature] = readChildren(readSingle(decodePemBlocks(text(file))[0]!.der));
  return {
    info: info!.raw,
    oid: decodeOid(readChildren(algorithm!)[0]!.content),
    signature: signature!.content.subarray(1),
    infoNode: info!,
  };
}

describe('verifySignature', () => {
  it.each([
    ['rsa2048-pkcs1', OID.sha256WithRSA, 'rsa2048-pkcs1.sha256.sig'],
    ['rsa1024-pkcs1', OID.sha1WithRSA, 'rsa1024-pkcs1.sha1.sig'],
    ['rsa2048-pkcs8', OID.sha512WithRSA, 'rsa2048-pkcs8.sha512.sig'],
    ['ec-p256-sec1-with-params', OID.ecdsaSha256, 'ec-p256-sec1-with-params.sha256.sig'],
    ['ec-p384-sec1-no-public', OID.ecdsaSha384, 'ec-p384-sec1-no-public.sha384.sig'],
    ['ec-p521-pkcs8', OID.ecdsaSha512, 'ec-p521-pkcs8.sha512.sig'],
    ['ed25519-pkcs8', OID.ed25519, 'ed25519-pkcs8.sig'],
  ])('accepts openssl signatures by %s and rejects altered ones', async (name, oid, sig) => {
    const spki = spkiOf(`${name}.pub.pem`);
    const message = bytes('message.txt');
    const signature = bytes(sig);
    expect(await verifySignature(spki, oid, message, signature)).toBe(true);
    const otherMessage = message.slice();
    otherMessage[0]! ^= 1;
    expect(await verifySignature(spki, oid, otherMessage, signature)).toBe(false);
    const otherSignature = signature.slice();
    otherSignature[otherSignature.length - 1]! ^= 1;
    expect(await verifySignature(spki, oid, message, otherSignature)).toBe(false);
  });

  it.each([
    'genkey-initca-rsa2048-pathlenzero',
    'initca-rsa3072-no-ca-section',
    'initca-rsa4096-multi-o-ou-ip-hosts',
    'initca-ecdsa256-pathlen1',
    'initca-ecdsa384-utf8-names',
    'initca-ecdsa521-ip-host',
    'initca-ed25519',
    'initca-existing-pkcs8-ec-key',
  ])("verifies cfssl 1.6.5's %s certificate and CSR", async (caseId) => {
    const cert = signedParts(`cfssl-1.6.5/${caseId}/cert.pem`);
    const spki = readChildren(cert.infoNode)[6]!.raw;
    expect(await verifySignature(spki, cert.oid, cert.info, cert.signature)).toBe(true);
    const csr = signedParts(`cfssl-1.6.5/${caseId}/csr.pem`);
    // CertificationRequestInfo: version, subject, subjectPKInfo, attributes.
    expect(await verifySignature(readChildren(csr.infoNode)[2]!.raw, csr.oid, csr.info, csr.signature)).toBe(true);
  });

  it('takes the ECDSA hash from the algorithm OID, not from the curve (Go checkSignature)', async () => {
    const spki = spkiOf('ec-p256-sec1-with-params.pub.pem');
    const sha384 = bytes('ec-p256-sec1-with-params.sha384.sig');
    expect(await verifySignature(spki, OID.ecdsaSha384, bytes('message.txt'), sha384)).toBe(true);
    expect(await verifySignature(spki, OID.ecdsaSha256, bytes('message.txt'), sha384)).toBe(false);
  });

  it('returns false, never throws, for mismatched, unknown or malformed inputs', async () => {
    const message = bytes('message.txt');
    const rsaSpki = spkiOf('rsa2048-pkcs1.pub.pem');
    const rsaSig = bytes('rsa2048-pkcs1.sha256.sig');
    const ecSpki = spkiOf('ec-p256-sec1-with-params.pub.pem');
    const ecSig = bytes('ec-p256-sec1-with-params.sha256.sig');
    expect(await verifySignature(rsaSpki, OID.sha512WithRSA, message, rsaSig)).toBe(false); // wrong hash
    expect(await verifySignature(rsaSpki, OID.ecdsaSha256, message, rsaSig)).toBe(false); // wrong key kind
    expect(await verifySignature(ecSpki, OID.sha256WithRSA, message, ecSig)).toBe(false);
    expect(await verifySignature(rsaSpki, '1.2.840.113549.1.1.10', message, rsaSig)).toBe(false); // PSS: unsupported
    expect(await verifySignature(rsaSpki, OID.sha256WithRSA, message, rsaSig.subarray(1))).toBe(false); // short
    expect(await verifySignature(ecSpki, OID.ecdsaSha256, message, ecSig.subarray(0, ecSig.length - 1))).toBe(false);
    expect(await verifySignature(ecSpki, OID.ecdsaSha256, message, new Uint8Array(64))).toBe(false); // raw r||s is not DER
    expect(await verifySignature(spkiOf('dsa2048-pkcs8.pub.pem'), OID.sha256WithRSA, message, rsaSig)).toBe(false);
    expect(await verifySignature(Uint8Array.of(1, 2, 3), OID.ed25519, message, new Uint8Array(64))).toBe(false);
    expect(await verifySignature(spkiOf('ed25519-pkcs8.pub.pem'), OID.ed25519, message, new Uint8Array(63))).toBe(false);
  });
});
