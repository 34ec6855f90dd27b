import { spawnSync } from 'node:child_process';
import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainCertificateDifference, explainTbsDifference, signedParts } from '@cfssl-ts/test-support/der-compare';
import { flagValue, loadGoldenCases, positionals, read } from '@cfssl-ts/test-support/golden-cases';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { readChildren } from '../der/der-reader.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeFirstPem, encodePem } from '../pem/pem.js';
import { parseConfig } from '../config/parse-config.js';
import { builtinSigningPolicy } from '../config/builtin-signing-policy.js';
import type { SigningPolicy } from '../config/signing-policy.js';
import { parseCertificate, type ParsedCertificate } from '../cert/parse-certificate.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { generateKeyAndCsr, type GeneratedKeyAndCsr } from '../csr/generate-csr.js';
import { initCa } from './init-ca.js';
import { parseSubjectOverride } from './parse-subject-override.js';
import { signCertificateRequest } from './sign-certificate-request.js';
import type { IssuanceOptions } from './issuance-context.js';
import type { SignedCertificate } from './signed-certificate.js';
import type { SignRequest } from './sign-request.js';
import { loadSigningAuthority, type SigningAuthority } from './signing-authority.js';
import { ascii, bytesFromHex as h, hex, rdn, tlv } from '@cfssl-ts/test-support/der-builders';

// ---------------------------------------------------------------------------------------------
// Helpers (test-local; expected encodings are written by hand from RFC 5280 / X.690 / reference).

// Name building blocks: attribute OIDs (X.520 / PKCS #9) and the two string types Go chooses.
const A = { C: '550406', ST: '550408', L: '550407', O: '55040a', OU: '55040b', CN: '550403', SN: '550405', E: '2a864886f70d010901' };
const atv = (oidHex: string, value: string, tag = 0x13): Uint8Array =>
  tlv(0x30, tlv(0x06, h(oidHex)), tlv(tag, [...Buffer.from(value, 'utf8')]));
const name = (...rdns: Uint8Array[]): Uint8Array => tlv(0x30, ...rdns);

const HOUR = 3_600_000;
const MINUTE = 60_000;
// Go Time.Round(time.Minute) of 05:06:30 is 05:07:00 (halfway rounds up).
const NOW = Date.UTC(2026, 2, 4, 5, 6, 30);
const ROUNDED = Date.UTC(2026, 2, 4, 5, 7, 0);
const ENV: IssuanceOptions = { now: () => NOW };

const testdata = new URL('./testdata/', import.meta.url);
const fixture = (file: string): string => readFileSync(new URL(file, testdata), 'utf8');
// From `openssl asn1parse -in testdata/utf8-root-ca.pem`: C PrintableString, O and CN UTF8String.
const UTF8_ROOT_SUBJECT = name(rdn(atv(A.C, 'US')), rdn(atv(A.O, 'Contoso', 0x0c)), rdn(atv(A.CN, 'Contoso UTF8 Root', 0x0c)));

async function rejection(p: Promise<unknown>): Promise<CfsslError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CfsslError);
    return e as CfsslError;
  }
  throw new Error('expected a CfsslError');
}

const policyOf = (json: unknown): SigningPolicy => parseConfig(JSON.stringify(json)).policy;
const csrOf = (json: unknown): Promise<GeneratedKeyAndCsr> => generateKeyAndCsr(parseCsrRequest(JSON.stringify(json)));
const parsed = (c: SignedCertificate): ParsedCertificate => parseCertificate(c.der);
const x509 = (c: SignedCertificate): X509Certificate => new X509Certificate(c.pem);
const extensionOids = (c: SignedCertificate): string[] => parsed(c).extensions.map((e) => e.oid);
const extValue = (c: SignedCertificate, oid: string): string | undefined => {
  const e = parsed(c).extensions.find((x) => x.oid === oid);
  return e && hex(e.value);
};
const OID = {
  ku: '2.5.29.15',
  eku: '2.5.29.37',
  bc: '2.5.29.19',
  ski: '2.5.29.14',
  aki: '2.5.29.35',
  aia: '1.3.6.1.5.5.7.1.1',
  san: '2.5.29.17',
  crl: '2.5.29.31',
  policies: '2.5.29.32',
  noCheck: '1.3.6.1.5.5.7.48.1.5',
};
// TBSCertificate fields in order (RFC 5280 §4.1): [0] version, serial, signature, issuer, validity, subject, spki, [3].
const tbsFields = (der: Uint8Array) => readChildren(signedParts(der).tbs);
const authorityOf = async (json: unknown): Promise<SigningAuthority> => {
  const r = await initCa(parseCsrRequest(JSON.stringify(json)), ENV);
  return { certificate: parseCertificate(r.certificate.der), key: r.key };
};

// The policy most tests sign under (ca-config.json as a cfssl user writes it).
const BASE = policyOf({
  signing: {
    default: { usages: ['digital signature'], expiry: '1h' },
    profiles: {
      www: { usages: ['digital signature', 'key encipherment', 'server auth'], expiry: '2h' },
      ca: { usages: ['cert sign', 'crl sign'], expiry: '1h', ca_constraint: { is_ca: true } },
      ca2: { usages: ['cert sign'], expiry: '1h', ca_constraint: { is_ca: true, max_path_len: 2 } },
      ca0: { usages: ['cert sign'], expiry: '1h', ca_constraint: { is_ca: true, max_path_len: 0, max_path_len_zero: true } },
      back: { usages: ['signing'], expiry: '2h', backdate: '1h' },
      fixed: { usages: ['signing'], expiry: '1h', not_before: '2030-01-01T00:00:00Z', not_after: '2050-01-01T00:00:00Z' },
      zero: { usages: ['signing'], expiry: '0s' },
      wl: { usages: ['signing'], expiry: '1h', name_whitelist: '\\.example\\.com$' },
      serial: { usages: ['signing'], expiry: '1h', ClientProvidesSerialNumbers: true },
      max: {
        usages: ['signing', 'key encipherment', 'server auth', 'client auth'],
        expiry: '1h',
        ocsp_url: 'http://ocsp.example/',
        issuer_urls: ['http://ca.example/a.der', 'http://ca.example/b.der'],
        crl_url: 'http://crl.example/x.crl',
        ocsp_no_check: true,
        allowed_extensions: ['1.2.3.4.5'],
        Policies: [
          {
            ID: '1.2.3.4',
            Qualifiers: [
              { Type: 'id-qt-cps', Value: 'http://cps.example/' },
              { Type: 'id-qt-unotice', Value: 'Notice' },
            ],
          },
          { ID: '2.23.140.1.2.1' },
        ],
      },
    },
  },
});

let root: SigningAuthority;
let leaf: GeneratedKeyAndCsr;
const LEAF_HOSTS = ['leaf.example', '10.0.0.1', 'ops@example.com', 'spiffe://cluster/ns/x', 'second.example', '2001:db8::1'];

beforeAll(async () => {
  root = await authorityOf({ CN: 'Test Root', names: [{ O: 'Test' }] });
  leaf = await csrOf({ CN: 'leaf.example', hosts: LEAF_HOSTS });
});

const sign = (req: Partial<SignRequest>, policy: SigningPolicy = BASE, authority: SigningAuthority = root, env: IssuanceOptions = ENV) =>
  signCertificateRequest({ request: leaf.pem, hosts: null, profile: '', ...req }, policy, authority, env);

// ---------------------------------------------------------------------------------------------

describe('profile selection (reference §3.8: unknown profile → default)', () => {
  it('uses a named profile', async () => {
    const c = await sign({ profile: 'www' });
    expect(extValue(c, OID.eku)).toBe('300a06082b06010505070301');
    expect(extValue(c, OID.ku)).toBe('030205a0'); // digitalSignature + keyEncipherment, §5.8
    expect(c.notAfter - c.notBefore).toBe(2 * HOUR);
  });

  it.each(['no-such-profile', ''])('falls back to the default profile for %j', async (profile) => {
    const c = await sign({ profile });
    expect(extValue(c, OID.eku)).toBeUndefined();
    expect(extValue(c, OID.ku)).toBe('03020780'); // digitalSignature only
    expect(parsed(c).notAfter - parsed(c).notBefore).toBe(HOUR);
  });

  it('fails with 5100 when the profile resolves to no usages (reference §3.4, §3.7)', async () => {
    const e = await rejection(sign({ profile: 'www' }, policyOf({ signing: { default: { expiry: '1h' } } })));
    expect([e.cfsslCode, e.message]).toEqual([5100, 'Invalid policy: no key usage available']);
  });
});

describe('CSR PEM handling (reference §1.3; cfssl local.Signer.Sign)', () => {
  const derOfLeaf = () => decodeFirstPem(leaf.pem)!.der;

  it('rejects input without PEM as 9002 CSR Decode failed', async () => {
    const e = await rejection(sign({ request: 'not a pem at all' }));
    expect([e.cfsslCode, e.message]).toEqual([9002, 'CSR Decode failed']);
  });

  it('rejects another PEM label as 9300 not a csr', async () => {
    const e = await rejection(sign({ request: encodePem('CERTIFICATE', derOfLeaf()) }));
    expect([e.cfsslCode, e.message]).toEqual([9300, 'not a csr']);
  });

  it('reads only the first PEM block (Go pem.Decode)', async () => {
    const e = await rejection(sign({ request: encodePem('CERTIFICATE', derOfLeaf()) + leaf.pem }));
    expect(e.cfsslCode).toBe(9300);
    const c = await sign({ request: 'leading text\n' + leaf.pem + encodePem('CERTIFICATE', Uint8Array.of(1)) });
    expect(parsed(c).subject.name.commonName).toBe('leaf.example');
  });

  it('accepts the NEW CERTIFICATE REQUEST label', async () => {
    const c = await sign({ request: encodePem('NEW CERTIFICATE REQUEST', derOfLeaf()) });
    expect(parsed(c).subject.name.commonName).toBe('leaf.example');
  });

  it.each([
    ['garbage DER', Uint8Array.of(0x01, 0x02, 0x03)],
    ['trailing data after the CSR (Go: trailing data)', 'trailing'],
    ['a truncated CSR', 'truncated'],
  ] as const)('rejects %s as 9003', async (_what, body) => {
    const der = body === 'trailing' ? Uint8Array.from([...derOfLeaf(), 0]) : body === 'truncated' ? derOfLeaf().subarray(0, 40) : body;
    const e = await rejection(sign({ request: encodePem('CERTIFICATE REQUEST', der) }));
    expect(e.cfsslCode).toBe(9003);
  });

  it.each([
    ['ecdsa', { algo: 'ecdsa', size: 256 }, 'x509: ECDSA verification failure'],
    ['rsa', { algo: 'rsa', size: 2048 }, 'crypto/rsa: verification error'],
    ['ed25519', { algo: 'ed25519' }, 'x509: Ed25519 verification failure'],
  ])('rejects a bad %s signature as 9300 with Go CheckSignature text', async (_algo, key, message) => {
    const csr = await csrOf({ CN: 'sig.example', key });
    const der = Uint8Array.from(csr.der);
    der[der.length - 1]! ^= 0x01;
    const e = await rejection(sign({ request: encodePem('CERTIFICATE REQUEST', der) }));
    expect([e.cfsslCode, e.message]).toEqual([9300, message]);
  });

  it('rejects a CSR whose signed content was altered as 9300', async () => {
    const der = Uint8Array.from(derOfLeaf());
    const at = Buffer.from(der).indexOf(Buffer.from('leaf.example'));
    der[at] = 0x4c; // 'l' → 'L'
    const e = await rejection(sign({ request: encodePem('CERTIFICATE REQUEST', der) }));
    expect([e.cfsslCode, e.message]).toEqual([9300, 'x509: ECDSA verification failure']);
  });
});

describe('CA requests (reference §5.11, §5.8 basicConstraints)', () => {
  let root1: SigningAuthority; // pathlen 1
  let root0: SigningAuthority; // explicit pathlen 0
  let caCsr: GeneratedKeyAndCsr; // CA:TRUE, no pathlen (Go MaxPathLen -1)
  let caCsrPl0: GeneratedKeyAndCsr;
  let caCsrPl1: GeneratedKeyAndCsr;
  let caCsrPl3: GeneratedKeyAndCsr;
  beforeAll(async () => {
    root1 = await authorityOf({ CN: 'Root PL1', ca: { pathlen: 1 } });
    root0 = await authorityOf({ CN: 'Root PL0', ca: { pathlen: 0, pathlenzero: true } });
    caCsr = await csrOf({ CN: 'Sub', ca: {} });
    caCsrPl0 = await csrOf({ CN: 'Sub0', ca: { pathlen: 0, pathlenzero: true } });
    caCsrPl1 = await csrOf({ CN: 'Sub1', ca: { pathlen: 1 } });
    caCsrPl3 = await csrOf({ CN: 'Sub3', ca: { pathlen: 3 }, hosts: ['sub.example', '10.3.3.3'] });
  });

  it('refuses a CA CSR under a non-CA profile: 5300 Policy violation request', async () => {
    const e = await rejection(sign({ request: caCsr.pem }));
    expect([e.cfsslCode, e.message]).toEqual([5300, 'Policy violation request']);
  });

  it('refuses a CSR pathlen >= the issuer pathlen (> 0)', async () => {
    expect((await rejection(sign({ request: caCsrPl1.pem, profile: 'ca' }, BASE, root1))).cfsslCode).toBe(5300);
    expect((await rejection(sign({ request: caCsrPl3.pem, profile: 'ca' }, BASE, root1))).cfsslCode).toBe(5300);
  });

  it('allows a CSR pathlen below the issuer pathlen, including "none" (-1)', async () => {
    const c0 = await sign({ request: caCsrPl0.pem, profile: 'ca' }, BASE, root1);
    expect(extValue(c0, OID.bc)).toBe('30030101ff'); // the CSR pathlen never flows into the cert
    const cNone = await sign({ request: caCsr.pem, profile: 'ca' }, BASE, root1);
    expect(extValue(cNone, OID.bc)).toBe('30030101ff');
  });

  it('refuses any CA CSR under an issuer with explicit pathlen 0', async () => {
    expect((await rejection(sign({ request: caCsr.pem, profile: 'ca' }, BASE, root0))).cfsslCode).toBe(5300);
    expect((await rejection(sign({ request: caCsrPl0.pem, profile: 'ca' }, BASE, root0))).cfsslCode).toBe(5300);
  });

  it('makes a CA from a CSR without CA constraints under an is_ca profile (no checks apply)', async () => {
    const c = await sign({ profile: 'ca' }, BASE, root0);
    expect(extValue(c, OID.bc)).toBe('30030101ff');
    expect(extValue(c, OID.ku)).toBe('03020106');
    expect(x509(c).ca).toBe(true);
  });

  it('takes pathlen from the profile, never from the CSR', async () => {
    expect(extValue(await sign({ request: caCsrPl3.pem, profile: 'ca2' }), OID.bc)).toBe('30060101ff020102');
    expect(extValue(await sign({ request: caCsrPl3.pem, profile: 'ca0' }), OID.bc)).toBe('30060101ff020100');
    expect(extValue(await sign({ request: caCsrPl3.pem, profile: 'ca' }), OID.bc)).toBe('30030101ff');
  });

  it('keeps only IP SANs in CA certificates (reference §5.5)', async () => {
    expect(x509(await sign({ request: caCsrPl3.pem, profile: 'ca2' })).subjectAltName).toBe('IP Address:10.3.3.3');
    expect(x509(await sign({ profile: 'ca' })).subjectAltName).toBe('IP Address:10.0.0.1, IP Address:2001:DB8:0:0:0:0:0:1');
    const hostsOverride = await sign({ profile: 'ca', hosts: ['x.example', '192.0.2.9', 'a@b.test'] });
    expect(x509(hostsOverride).subjectAltName).toBe('IP Address:192.0.2.9');
  });

  it('gives a leaf 30 00 for a CSR that asks for CA:FALSE without pathLen', async () => {
    const csr = await csrOf({ CN: 'bc-false', extensions: [{ id: [2, 5, 29, 19], critical: true, value: 'MAA=' }] });
    expect(extValue(await sign({ request: csr.pem }), OID.bc)).toBe('3000');
  });

  it('fails like Go CreateCertificate for a leaf CSR with CA:FALSE and a pathLen (1000)', async () => {
    // BasicConstraints { cA FALSE, pathLen 3 }: cfssl copies MaxPathLen 3 into a non-CA template and
    // Go returns "x509: only CAs are allowed to specify MaxPathLen" (wrapped CertificateError/Unknown).
    const csr = await csrOf({ CN: 'bc-false-3', extensions: [{ id: [2, 5, 29, 19], critical: true, value: 'MAMCAQM=' }] });
    const e = await rejection(sign({ request: csr.pem }));
    expect([e.cfsslCode, e.message]).toEqual([1000, 'x509: only CAs are allowed to specify MaxPathLen']);
  });
});

describe('subject alternative names (reference §4.4, §5.5)', () => {
  it('keeps the CSR SANs when hosts is null: DNS, email, IP, URI', async () => {
    const c = await sign({});
    expect(x509(c).subjectAltName).toBe(
      'DNS:leaf.example, DNS:second.example, email:ops@example.com, IP Address:10.0.0.1, IP Address:2001:DB8:0:0:0:0:0:1, URI:spiffe://cluster/ns/x',
    );
  });

  it('clears every SAN for an empty hosts list', async () => {
    const c = await sign({ hosts: [] });
    expect(extensionOids(c)).not.toContain(OID.san);
    expect(x509(c).subjectAltName).toBeUndefined();
  });

  it('replaces the SANs with a hosts list classified IP → email → URI → DNS', async () => {
    const c = await sign({
      hosts: [
        'b.example',
        '192.0.2.7',
        'Ops <ops@x.test>',
        'https://x.test/p',
        'x.test:443',
        '::ffff:1.2.3.4',
        '*.wild.example',
        '01.2.3.4',
      ],
    });
    expect(extValue(c, OID.san)).toBe(
      hex(
        tlv(
          0x30,
          tlv(0x82, ascii('b.example')),
          tlv(0x82, ascii('*.wild.example')),
          tlv(0x82, ascii('01.2.3.4')), // Go ≥1.17 net.ParseIP rejects leading zeros
          tlv(0x81, ascii('ops@x.test')),
          tlv(0x87, [192, 0, 2, 7]),
          tlv(0x87, [1, 2, 3, 4]), // IPv4-mapped: 4 bytes
          tlv(0x86, ascii('https://x.test/p')),
          tlv(0x86, ascii('x.test:443')), // 1.6: url.ParseRequestURI accepts host:port
        ),
      ),
    );
  });

  it('marks the SAN critical only when the subject is empty (RFC 5280 §4.2.1.6)', async () => {
    const anon = await csrOf({ hosts: ['anon.example'] });
    const c = await sign({ request: anon.pem });
    expect(hex(parsed(c).subject.raw)).toBe('3000');
    expect(parsed(c).extensions.find((e) => e.oid === OID.san)!.critical).toBe(true);
    expect(parsed(await sign({})).extensions.find((e) => e.oid === OID.san)!.critical).toBe(false);
    const named = await sign({ request: anon.pem, subject: parseSubjectOverride('{"CN":"named.example"}') });
    expect(parsed(named).extensions.find((e) => e.oid === OID.san)!.critical).toBe(false);
  });

  it('re-encodes the SANs of an OpenSSL CSR like Go: IPv4-mapped 16-byte IP as 4 bytes (san-edge-leaf.csr)', async () => {
    const c = await sign({ request: fixture('san-edge-leaf.csr') });
    expect(
      x509(c).subjectAltName!.startsWith(
        'DNS:edge.example, DNS:second.example, email:ops@x.test, IP Address:10.0.0.1, IP Address:2001:DB8:0:0:0:0:0:1, URI:',
      ),
    ).toBe(true);
  });

  // Regression test (formerly a bug in sign-certificate-request.ts / parse-csr.ts): Go's x509.ParseCertificateRequest turns each
  // URI SAN into a *url.URL (url.Parse lower-cases the scheme) and CreateCertificate writes
  // uri.String(), so cfssl 1.6.5 issues `https://Example.COM/a%2fb` for this CSR (Go 1.19.8 parse
  // checked). The signer copies the CSR's raw text `HTTPS://Example.COM/a%2fb`.
  it('writes CSR URI SANs as Go url.URL.String() (scheme lower-cased)', async () => {
    const c = await sign({ request: fixture('san-edge-leaf.csr') });
    expect(x509(c).subjectAltName!.endsWith('URI:https://Example.COM/a%2fb')).toBe(true);
  });

  it('fails like Go for a host that is not IA5 (1000, Go marshalSANs text)', async () => {
    const e = await rejection(sign({ hosts: ['∞'] }));
    expect([e.cfsslCode, e.message]).toEqual([1000, 'x509: "∞" cannot be encoded as an IA5String']);
  });
});

describe('subject (reference §4.6 override, §5.3 re-encoding)', () => {
  let full: GeneratedKeyAndCsr;
  beforeAll(async () => {
    full = await csrOf({
      CN: 'csr.example',
      serialnumber: 'SN1',
      names: [{ C: 'US', ST: 'California', L: 'San Francisco', O: 'Org', OU: 'Unit', E: 'mail@csr.example' }],
    });
  });
  const subjectHex = async (req: Partial<SignRequest>) => hex(parsed(await sign({ request: full.pem, ...req })).subject.raw);

  it('keeps the CSR subject, with emailAddress after serialNumber (1.6)', async () => {
    expect(await subjectHex({})).toBe(
      hex(
        name(
          rdn(atv(A.C, 'US')),
          rdn(atv(A.ST, 'California')),
          rdn(atv(A.L, 'San Francisco')),
          rdn(atv(A.O, 'Org')),
          rdn(atv(A.OU, 'Unit')),
          rdn(atv(A.CN, 'csr.example')),
          rdn(atv(A.SN, 'SN1')),
          rdn(atv(A.E, 'mail@csr.example', 0x0c)), // '@' is not printable → UTF8String
        ),
      ),
    );
  });

  it('merges an override field by field and drops the extra attributes', async () => {
    const subject = parseSubjectOverride('{"CN":"over.example","names":[{"C":"BE","O":"Contoso BE","E":"ignored@x.test"}]}');
    expect(await subjectHex({ subject })).toBe(
      hex(
        name(
          rdn(atv(A.C, 'BE')),
          rdn(atv(A.ST, 'California')),
          rdn(atv(A.L, 'San Francisco')),
          rdn(atv(A.O, 'Contoso BE')),
          rdn(atv(A.OU, 'Unit')),
          rdn(atv(A.CN, 'over.example')),
          rdn(atv(A.SN, 'SN1')),
        ),
      ),
    );
  });

  it('keeps CSR values for empty override fields and uses the override serialNumber', async () => {
    const subject = parseSubjectOverride('{"CN":"","names":[],"SerialNumber":"SN2"}');
    expect(await subjectHex({ subject })).toBe(
      hex(
        name(
          rdn(atv(A.C, 'US')),
          rdn(atv(A.ST, 'California')),
          rdn(atv(A.L, 'San Francisco')),
          rdn(atv(A.O, 'Org')),
          rdn(atv(A.OU, 'Unit')),
          rdn(atv(A.CN, 'csr.example')),
          rdn(atv(A.SN, 'SN2')),
        ),
      ),
    );
  });

  it('collects repeated override values into one DER-sorted multi-valued RDN (reference §5.3 example)', async () => {
    const subject = parseSubjectOverride('{"names":[{"O":"Zed"},{"O":"Alpha"},{"O":"Bb"}]}');
    const raw = await subjectHex({ subject });
    expect(raw).toContain(hex(rdn(atv(A.O, 'Bb'), atv(A.O, 'Zed'), atv(A.O, 'Alpha'))));
  });

  it('re-encodes an OpenSSL CSR subject in Go order and string types (san-edge-leaf.csr)', async () => {
    const c = await sign({ request: fixture('san-edge-leaf.csr') });
    expect(hex(parsed(c).subject.raw)).toBe(
      hex(
        name(
          rdn(atv(A.C, 'CA'), atv(A.C, 'US')),
          rdn(atv(A.ST, 'Quebec')), // UTF8String in the CSR, PrintableString after re-encoding
          rdn(atv(A.L, 'Montreal')),
          rdn(atv(A.O, 'Org One'), atv(A.O, 'Org Two'), atv(A.O, 'Org Three')),
          rdn(atv(A.OU, 'Unit')),
          rdn(atv(A.CN, 'edge.example')),
          rdn(atv(A.SN, 'SN-42')),
          rdn(atv(A.E, 'e@x.test', 0x0c)), // IA5String in the CSR, UTF8String after re-encoding
        ),
      ),
    );
  });
});

describe('name_whitelist (reference §3.3: CN, DNS, email, URI; never IPs) → 5500', () => {
  let good: GeneratedKeyAndCsr;
  beforeAll(async () => {
    good = await csrOf({ CN: 'a.example.com' });
  });
  const wl = (req: Partial<SignRequest>) => sign({ request: good.pem, profile: 'wl', ...req });

  it('passes when CN and every DNS/email/URI match (unanchored search); IPs are not checked', async () => {
    const c = await wl({ hosts: ['b.example.com', '10.9.8.7', 'ops@x.example.com', 'https://u.example.com'] });
    expect(x509(c).subjectAltName).toBe('DNS:b.example.com, email:ops@x.example.com, IP Address:10.9.8.7, URI:https://u.example.com');
  });

  it.each([
    ['a DNS name', ['evil.test']],
    ['an email', ['ops@evil.test']],
    ['a URI', ['https://evil.test/']],
  ])('rejects %s that does not match', async (_what, hosts) => {
    const e = await rejection(wl({ hosts }));
    expect([e.cfsslCode, e.message]).toEqual([5500, 'Request does not match policy whitelist']);
  });

  it('rejects a CN that does not match, including one from a subject override', async () => {
    const evil = await csrOf({ CN: 'evil.test' });
    expect((await rejection(wl({ request: evil.pem }))).cfsslCode).toBe(5500);
    expect((await rejection(wl({ subject: parseSubjectOverride('{"CN":"evil.test"}') }))).cfsslCode).toBe(5500);
  });

  it('does not check an empty CN, and checks SANs after the hosts override', async () => {
    const anon = await csrOf({ hosts: ['evil.test'] });
    expect((await rejection(wl({ request: anon.pem }))).cfsslCode).toBe(5500);
    await expect(wl({ request: anon.pem, hosts: ['10.0.0.1'] })).resolves.toBeDefined();
  });
});

describe('serial numbers (reference §5.6)', () => {
  it('requires a serial from the request with ClientProvidesSerialNumbers: 1400', async () => {
    const e = await rejection(sign({ profile: 'serial' }));
    expect([e.cfsslCode, e.message]).toEqual([1400, 'Missing serial number in request']);
    expect(x509(await sign({ profile: 'serial', serial: 4096n })).serialNumber).toBe('1000');
  });

  it('draws 20 random bytes with the top bit cleared', async () => {
    const c = await sign({}, BASE, root, { ...ENV, random: (n) => new Uint8Array(n).fill(0xff) });
    expect(x509(c).serialNumber).toBe('7F' + 'FF'.repeat(19));
    expect(hex(tbsFields(c.der)[1]!.raw)).toBe('0214' + '7f' + 'ff'.repeat(19)); // no 0x00 pad
  });

  // Regression test (formerly a bug in sign-certificate-request.ts): cfssl's local signer ignores SignRequest.Serial unless the
  // profile sets ClientProvidesSerialNumbers (local.go draws 20 random bytes otherwise); here a
  // request serial is always used (`req.serial ?? random`), so an API client could choose serials
  // cfssl would not let it choose. (The CLI's --serial replay relies on this; env.random would do.)
  it('ignores a request serial when the profile does not set ClientProvidesSerialNumbers', async () => {
    const c = await sign({ serial: 4096n }, BASE, root, { ...ENV, random: (n) => new Uint8Array(n).fill(0x11) });
    expect(x509(c).serialNumber).toBe('11'.repeat(20));
  });
});

describe('validity (reference §5.7)', () => {
  it('backdates round(now) by 5 minutes and adds the expiry to notBefore', async () => {
    const c = parsed(await sign({}));
    expect(c.notBefore).toBe(ROUNDED - 5 * MINUTE);
    expect(c.notAfter).toBe(ROUNDED - 5 * MINUTE + HOUR);
    const earlier = parsed(await sign({}, BASE, root, { now: () => NOW - 1 })); // 05:06:29.999 → 05:06
    expect(earlier.notBefore).toBe(ROUNDED - MINUTE - 5 * MINUTE);
  });

  it('uses the profile backdate', async () => {
    const c = parsed(await sign({ profile: 'back' }));
    expect([c.notBefore, c.notAfter]).toEqual([ROUNDED - HOUR, ROUNDED - HOUR + 2 * HOUR]);
  });

  it('falls back to the default expiry when a profile expiry is 0s', async () => {
    const c = parsed(await sign({ profile: 'zero' }));
    expect(c.notAfter - c.notBefore).toBe(HOUR);
  });

  it('uses pinned not_before/not_after verbatim: UTCTime before 2050, GeneralizedTime from 2050', async () => {
    const c = await sign({ profile: 'fixed' });
    const [nb, na] = readChildren(tbsFields(c.der)[4]!);
    expect([nb!.tag, Buffer.from(nb!.content).toString()]).toEqual([0x17, '300101000000Z']);
    expect([na!.tag, Buffer.from(na!.content).toString()]).toEqual([0x18, '20500101000000Z']);
  });

  it('lets request NotBefore/NotAfter (1.6 library) win, without backdating, in whole seconds', async () => {
    const nb = Date.UTC(2031, 0, 1, 0, 0, 0) + 750;
    const na = Date.UTC(2031, 0, 2, 0, 0, 0);
    const c = parsed(await sign({ profile: 'back', notBefore: nb, notAfter: na }));
    expect([c.notBefore, c.notAfter]).toEqual([nb - 750, na]);
  });
});

describe('key identifiers and the issuer field (reference §5.3, §5.8)', () => {
  it('sets SKI = SHA-1 of the key bits and AKI = the issuer SKI', async () => {
    const c = parsed(await sign({}));
    expect(hex(c.subjectKeyId)).toBe(createHash('sha1').update(leaf.key.spki.subarray(-65)).digest('hex'));
    expect(hex(c.authorityKeyId)).toBe(hex(root.certificate!.subjectKeyId));
    expect(extValue(await sign({}), OID.aki)).toBe('30168014' + hex(root.certificate!.subjectKeyId));
  });

  it('omits the AKI when the subject bytes equal the issuer bytes (self-issued, Go CreateCertificate)', async () => {
    const same = await csrOf({ CN: 'Test Root', names: [{ O: 'Test' }] });
    const c = await sign({ request: same.pem });
    expect(extensionOids(c)).not.toContain(OID.aki);
    expect(hex(parsed(c).issuer.raw)).toBe(hex(parsed(c).subject.raw));
  });

  describe('under an OpenSSL CA whose subject uses UTF8String (testdata/utf8-root-ca.pem)', () => {
    let utf8Root: SigningAuthority;
    beforeAll(async () => {
      utf8Root = await loadSigningAuthority(fixture('utf8-root-ca.pem'), fixture('utf8-root-ca-key.pem'));
    });

    it('copies the CA subject bytes into the issuer field verbatim', async () => {
      const c = await sign({}, BASE, utf8Root);
      expect(hex(tbsFields(c.der)[3]!.raw)).toBe(hex(UTF8_ROOT_SUBJECT));
      const ca = new X509Certificate(fixture('utf8-root-ca.pem'));
      expect(x509(c).checkIssued(ca)).toBe(true);
      expect(x509(c).verify(ca.publicKey)).toBe(true);
    });

    it('keeps the AKI for a CSR with the same text subject (re-encoded as PrintableString, bytes differ)', async () => {
      const twin = await csrOf({ CN: 'Contoso UTF8 Root', names: [{ C: 'US', O: 'Contoso' }] });
      const c = parsed(await sign({ request: twin.pem }, BASE, utf8Root));
      expect(hex(c.subject.raw)).not.toBe(hex(UTF8_ROOT_SUBJECT));
      expect(hex(c.authorityKeyId)).toBe(hex(utf8Root.certificate!.subjectKeyId));
    });

    it('issues a chain OpenSSL verifies (openssl verify)', async () => {
      if (!requireTool('openssl')) return;
      // A fixed time inside both validity windows, passed to openssl as -attime (no wall clock).
      const at = Date.UTC(2030, 5, 1);
      const c = await sign({ profile: 'www' }, BASE, utf8Root, { now: () => at });
      const dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-sign-'));
      writeFileSync(join(dir, 'leaf.pem'), c.pem);
      const args = [
        'verify',
        '-attime',
        String(at / 1000),
        '-CAfile',
        new URL('utf8-root-ca.pem', testdata).pathname,
        join(dir, 'leaf.pem'),
      ];
      const r = spawnSync('openssl', args, { encoding: 'utf8' });
      rmSync(dir, { recursive: true, force: true });
      expect(r.stdout + r.stderr).toContain('leaf.pem: OK');
    });
  });
});

describe('signature algorithm follows the CA key (reference §5.10)', () => {
  it.each([
    ['P-256 CA, P-384 leaf key', { algo: 'ecdsa', size: 256 }, '300a06082a8648ce3d040302'],
    ['RSA 2048 CA', { algo: 'rsa', size: 2048 }, '300d06092a864886f70d01010b0500'],
    ['Ed25519 CA', { algo: 'ed25519' }, '300506032b6570'],
  ])('%s → %s', async (_what, key, algorithmIdentifier) => {
    const ca = await authorityOf({ CN: 'Alg Root', key });
    const csr = await csrOf({ CN: 'alg.example', key: { algo: 'ecdsa', size: 384 } });
    const c = await sign({ request: csr.pem }, BASE, ca);
    expect(hex(tbsFields(c.der)[2]!.raw)).toBe(algorithmIdentifier);
    expect(hex(signedParts(c.der).algorithm.raw)).toBe(algorithmIdentifier);
    const caX = new X509Certificate(encodePem('CERTIFICATE', ca.certificate!.raw));
    expect(x509(c).verify(caX.publicKey)).toBe(true);
  });
});

describe('CRL distribution point and AIA sources (reference §3.3, §5.8)', () => {
  const URLS = policyOf({
    signing: {
      default: {
        usages: ['signing'],
        expiry: '1h',
        crl_url: 'http://ca.example.com/crl',
        ocsp_url: 'http://ocsp.default/',
        issuer_urls: ['http://ca.example/default.der'],
      },
      profiles: {
        p: {
          usages: ['signing'],
          expiry: '1h',
          crl_url: 'http://profile.example/crl',
          ocsp_url: 'http://ocsp.profile/',
          issuer_urls: ['http://ca.example/p.der'],
        },
        q: { usages: ['signing'], expiry: '1h' },
        r: { usages: ['signing'], expiry: '1h', issuer_urls: [] },
      },
    },
  });
  // DistributionPoint { [0] { [0] fullName { [6] URI } } }
  const crlDp = (url: string): string => hex(tlv(0x30, tlv(0x30, tlv(0xa0, tlv(0xa0, tlv(0x86, ascii(url)))))));

  it('matches the reference bytes for a 25-character URL', () => {
    expect(crlDp('http://ca.example.com/crl')).toBe('3021301fa01da01b8619' + hex(Uint8Array.from(ascii('http://ca.example.com/crl'))));
  });

  it.each([
    ['p', 'http://override.example/crl', 'http://override.example/crl'],
    ['p', undefined, 'http://profile.example/crl'],
    ['q', undefined, 'http://ca.example.com/crl'],
    ['q', 'http://override.example/crl', 'http://override.example/crl'],
    ['', undefined, 'http://ca.example.com/crl'],
  ])('profile %j with crl_override %j → %s (crl_override > profile > default)', async (profile, crlOverride, url) => {
    const c = await sign({ profile, ...(crlOverride ? { crlOverride } : {}) }, URLS);
    expect(extValue(c, OID.crl)).toBe(crlDp(url));
  });

  it.each([
    ['p', 'OCSP - URI:http://ocsp.profile/\nCA Issuers - URI:http://ca.example/p.der'],
    ['q', 'OCSP - URI:http://ocsp.default/\nCA Issuers - URI:http://ca.example/default.der'],
    ['r', 'OCSP - URI:http://ocsp.default/'], // an explicit [] does not fall back
  ])('profile %j → AIA %j', async (profile, infoAccess) => {
    expect(x509(await sign({ profile }, URLS)).infoAccess).toBe(infoAccess);
  });
});

describe('extension order with every optional extension (reference §5.8)', () => {
  let c: SignedCertificate;
  beforeAll(async () => {
    c = await sign({
      profile: 'max',
      hosts: ['max.example', '10.1.1.1'],
      extensions: [{ oid: '1.2.3.4.5', critical: true, value: '0500' }],
    });
  });

  it('emits KU, EKU, BC, SKI, AKI, AIA, SAN, CRL DP, request extensions, policies, OCSP no-check', () => {
    expect(parsed(c).extensions.map((e) => [e.oid, e.critical])).toEqual([
      [OID.ku, true],
      [OID.eku, false],
      [OID.bc, true],
      [OID.ski, false],
      [OID.aki, false],
      [OID.aia, false],
      [OID.san, false],
      [OID.crl, false],
      ['1.2.3.4.5', true],
      [OID.policies, false],
      [OID.noCheck, false],
    ]);
  });

  it('encodes each value as RFC 5280 and Go write them', () => {
    expect(extValue(c, OID.ku)).toBe('030205a0');
    expect(extValue(c, OID.eku)).toBe('3014' + '06082b06010505070301' + '06082b06010505070302');
    expect(extValue(c, OID.bc)).toBe('3000');
    expect(extValue(c, OID.aia)).toBe(
      hex(
        tlv(
          0x30,
          tlv(0x30, h('06082b06010505073001'), tlv(0x86, ascii('http://ocsp.example/'))),
          tlv(0x30, h('06082b06010505073002'), tlv(0x86, ascii('http://ca.example/a.der'))),
          tlv(0x30, h('06082b06010505073002'), tlv(0x86, ascii('http://ca.example/b.der'))),
        ),
      ),
    );
    expect(extValue(c, OID.san)).toBe(hex(tlv(0x30, tlv(0x82, ascii('max.example')), tlv(0x87, [10, 1, 1, 1]))));
    expect(extValue(c, '1.2.3.4.5')).toBe('0500');
    // cfssl addPolicies: PolicyInformation { OID, [ cps IA5String, unotice { UTF8String } ] }; no qualifiers → none.
    expect(extValue(c, OID.policies)).toBe(
      hex(
        tlv(
          0x30,
          tlv(
            0x30,
            h('06032a0304'),
            tlv(
              0x30,
              tlv(0x30, h('06082b06010505070201'), tlv(0x16, ascii('http://cps.example/'))),
              tlv(0x30, h('06082b06010505070202'), tlv(0x30, tlv(0x0c, ascii('Notice')))),
            ),
          ),
          tlv(0x30, h('060667810c010201')), // 2.23.140.1.2.1
        ),
      ),
    );
    expect(extValue(c, OID.noCheck)).toBe('0500');
    expect(x509(c).infoAccess).toBe(
      'OCSP - URI:http://ocsp.example/\nCA Issuers - URI:http://ca.example/a.der\nCA Issuers - URI:http://ca.example/b.der',
    );
  });

  it('refuses a request extension outside allowed_extensions: 1300', async () => {
    const e = await rejection(sign({ profile: 'max', extensions: [{ oid: '1.2.3.4.6', critical: false, value: '0500' }] }));
    expect([e.cfsslCode, e.message]).toEqual([1300, 'Invalid certificate request']);
  });

  // Regression test (formerly a bug in sign-certificate-request.ts hexToBytes): cfssl wraps Go's hex.DecodeString error, whose
  // text names the byte (`encoding/hex: invalid byte: U+0067 'g'`) or the length
  // (`encoding/hex: odd length hex string`); both come out as `encoding/hex: invalid byte` here.
  it('reports a bad extension value with Go encoding/hex text (1300)', async () => {
    const bad = await rejection(sign({ profile: 'max', extensions: [{ oid: '1.2.3.4.5', critical: false, value: '05g0' }] }));
    expect([bad.cfsslCode, bad.message]).toEqual([1300, "encoding/hex: invalid byte: U+0067 'g'"]);
    const odd = await rejection(sign({ profile: 'max', extensions: [{ oid: '1.2.3.4.5', critical: false, value: '050' }] }));
    expect([odd.cfsslCode, odd.message]).toEqual([1300, 'encoding/hex: odd length hex string']);
  });
});

// Real cfssl 1.6.5 `sign` runs: same CA, CSR, config, serial and clock must give the same certificate.
describe('signCertificateRequest reproduces cfssl 1.6.5 `sign` (golden corpus)', () => {
  const cases = loadGoldenCases('cfssl-1.6.5').filter((c) => c.id.startsWith('sign-'));

  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const [csrFile, subjectFile] = positionals(c.cmd);
    const configFile = flagValue(c.cmd, 'config');
    const hostname = flagValue(c.cmd, 'hostname');
    const policy = configFile ? parseConfig(read(c, configFile)).policy : builtinSigningPolicy();
    const authority = await loadSigningAuthority(read(c, 'ca.pem'), read(c, 'ca-key.pem'));
    const serial = c.replay.serial === null ? null : BigInt(c.replay.serial);
    const env: IssuanceOptions = {
      now: () => (c.replay.now ? Date.parse(c.replay.now) : Date.now()),
      // The recorded serial, fed through the random source (its top bit is already clear).
      random: (n) => Uint8Array.from(Buffer.from((serial ?? 1n).toString(16).padStart(n * 2, '0'), 'hex')),
    };
    const req: SignRequest = {
      request: read(c, csrFile!),
      hosts: hostname ? hostname.split(',') : null, // cfssl signer.SplitHosts
      profile: flagValue(c.cmd, 'profile') ?? '',
      subject: subjectFile ? parseSubjectOverride(read(c, subjectFile)) : null,
    };
    if (c.expect.error !== null) {
      const e = await rejection(signCertificateRequest(req, policy, authority, env));
      expect(JSON.stringify({ code: e.cfsslCode, message: e.message })).toBe(c.expect.error);
      return;
    }
    const ours = await signCertificateRequest(req, policy, authority, env);
    const theirs = decodeFirstPem(read(c, 'cert.pem'))!.der;
    if (authority.key.algorithm === 'ecdsa') {
      expect(explainTbsDifference(signedParts(ours.der).tbs, signedParts(theirs).tbs)).toBeNull();
      const p = signedParts(ours.der);
      const hash = { 256: 'sha256', 384: 'sha384', 521: 'sha512' }[authority.key.bits as 256 | 384 | 521];
      const caKey = createPublicKey({ key: Buffer.from(authority.key.spki), format: 'der', type: 'spki' });
      expect(verify(hash, p.tbs.raw, caKey, p.signature)).toBe(true);
    } else {
      expect(explainCertificateDifference(ours.der, theirs)).toBeNull();
    }
  });
});
