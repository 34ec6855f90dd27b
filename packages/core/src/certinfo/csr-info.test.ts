// Expected values: Go 1.19's x509.CertificateRequest JSON shape (field order, enum values from
// crypto/x509), fields recomputed from the CSR's own DER, and error texts printed by real cfssl
// (Debian 1.2 built with Go 1.19.8, whose CSR parsing 1.6.5 shares).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChildren, readSingle } from '../der/der-reader.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { encodePem } from '../pem/pem.js';
import { csrInfoFromPem } from './csr-info.js';

const GOLDEN = join(__dirname, '..', '..', '..', '..', 'fixtures', 'golden', 'cfssl-1.6.5');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const b64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));

function plainErrorOf(input: Uint8Array): string {
  try {
    csrInfoFromPem(input);
  } catch (e) {
    if (e instanceof CfsslError) return e.plain ? e.message : `${e.cfsslCode} ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
}

describe('csrInfoFromPem', () => {
  const pem = readFileSync(join(GOLDEN, 'sign-openssl-utf8string-email-csr', 'leaf.csr'), 'utf8');
  const der = Uint8Array.from(atob(pem.replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
  const out = JSON.parse(csrInfoFromPem(enc(pem))) as Record<string, unknown>;

  it("has x509.CertificateRequest's fields in declaration order", () => {
    expect(Object.keys(out)).toEqual([
      'Raw',
      'RawTBSCertificateRequest',
      'RawSubjectPublicKeyInfo',
      'RawSubject',
      'Version',
      'Signature',
      'SignatureAlgorithm',
      'PublicKeyAlgorithm',
      'PublicKey',
      'Subject',
      'Attributes',
      'Extensions',
      'ExtraExtensions',
      'DNSNames',
      'EmailAddresses',
      'IPAddresses',
      'URIs',
    ]);
    expect(Object.keys(out.Subject as object)).toEqual([
      'Country',
      'Organization',
      'OrganizationalUnit',
      'Locality',
      'Province',
      'StreetAddress',
      'PostalCode',
      'SerialNumber',
      'CommonName',
      'Names',
      'ExtraNames',
    ]);
  });

  it('raw slices are the DER parts, base64', () => {
    const [tbs] = readChildren(readSingle(der));
    const [, subject, spki] = readChildren(tbs!);
    expect(out.Raw).toBe(b64(der));
    expect(out.RawTBSCertificateRequest).toBe(b64(tbs!.raw));
    expect(out.RawSubject).toBe(b64(subject!.raw));
    expect(out.RawSubjectPublicKeyInfo).toBe(b64(spki!.raw));
  });

  it('names: UTF8String decoded, emailAddress kept in Names only; Go enums for the algorithms', () => {
    const subject = out.Subject as Record<string, unknown>;
    expect(subject.Organization).toEqual(['Contoso Zürich']);
    expect(subject.CommonName).toBe('legacy.contoso.dev');
    expect((subject.Names as Array<{ Type: number[]; Value: string }>).at(-1)).toEqual({
      Type: [1, 2, 840, 113549, 1, 9, 1],
      Value: 'legacy@contoso.dev',
    });
    expect(subject.ExtraNames).toBeNull();
    expect(out.Version).toBe(0);
    expect(typeof out.SignatureAlgorithm).toBe('number');
    expect(out.ExtraExtensions).toBeNull();
  });

  it('big integers are printed as exact JSON numbers (RSA modulus), not rounded doubles', () => {
    const rsa = readFileSync(join(GOLDEN, 'initca-rsa4096-multi-o-ou-ip-hosts', 'csr.pem'), 'utf8');
    const text = csrInfoFromPem(enc(rsa));
    const n = /"N": (\d+),/.exec(text)![1]!;
    expect(n.length).toBeGreaterThan(1200);
    expect(/"E": 65537\n/.test(text)).toBe(true);
    expect(BigInt(n).toString(2)).toHaveLength(4096);
  });

  it('no PEM block: 9002 CSR Decode failed (1.6.5; 1.2 panics here)', () => {
    expect(plainErrorOf(enc('nothing here'))).toBe('9002 CSR Decode failed');
  });

  it.each([
    [
      'garbage DER',
      Uint8Array.of(0, 1, 2, 3, 4, 5),
      "asn1: structure error: tags don't match (16 vs {class:0 tag:0 length:1 isCompound:false}) {optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} certificateRequest @2",
    ],
    ['an empty SEQUENCE', Uint8Array.of(0x30, 0x00), 'asn1: syntax error: sequence truncated'],
    ['trailing data', Uint8Array.of(...der, 0x00), 'asn1: syntax error: trailing data'],
  ])("%s: Go's error text, printed plainly", (_name, body, message) => {
    expect(plainErrorOf(enc(encodePem('CERTIFICATE REQUEST', body)))).toBe(message);
  });

  it('a certificate is not a CSR: encoding/asn1 reports the [0] version where an INTEGER is expected', () => {
    const cert = readFileSync(join(GOLDEN, 'certinfo-produced-leaf', 'leaf.pem'));
    expect(plainErrorOf(cert)).toBe(
      "asn1: structure error: tags don't match (2 vs {class:2 tag:0 length:3 isCompound:true}) {optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} int @2",
    );
  });
});
