// certinfo on hand-built certificates and CSRs that exercise Go's parsing rules (string types,
// times with offsets, SAN kinds, RSA-PSS, CSR attribute shapes, encoding/asn1 error texts, PKCS #7
// wrapping). The judge is the installed real cfssl (Debian 1.2, built with Go 1.19 like 1.6.5), which
// parses with the same Go; only 1.2's unpadded key ids (and its missing Ed25519 name) are normalised.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as w from '@cfssl-ts/test-support/der-writer';
import { encodePem } from '@cfssl-ts/core';
import { asCfssl12 } from '@cfssl-ts/test-support/cfssl12-certinfo';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { pool, runAsync, type RunResult } from '@cfssl-ts/test-support/run-async';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { bytesFromHex as hex } from '@cfssl-ts/test-support/der-builders';

const haveCfssl = requireTool('cfssl');
const haveOpenssl = requireTool('openssl');
const GOLDEN = join(REPO_ROOT, 'fixtures', 'golden', 'cfssl-1.6.5');

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const str = (tag: number, s: string | Uint8Array): Uint8Array => w.tlv(tag, typeof s === 'string' ? bytes(s) : s);
// A SET whose members keep the given order (DER would sort them).
const unsortedSet = (parts: Uint8Array[]): Uint8Array => w.tlv(0x31, w.concatBytes(parts));
const atv = (oid: string, value: Uint8Array): Uint8Array => w.derSequence([w.derOid(oid), value]);
const rdn = (...atvs: Uint8Array[]): Uint8Array => unsortedSet(atvs);
const name = (...rdns: Uint8Array[]): Uint8Array => w.derSequence(rdns);
const ext = (oid: string, value: Uint8Array, critical = false): Uint8Array =>
  w.derSequence(critical ? [w.derOid(oid), w.derBoolean(true), w.derOctetString(value)] : [w.derOid(oid), w.derOctetString(value)]);
const san = (...names: Uint8Array[]): Uint8Array => ext('2.5.29.17', w.derSequence(names));
const sanOf = (tag: number, v: string | Uint8Array): Uint8Array => w.derContextPrimitive(tag, typeof v === 'string' ? bytes(v) : v);

function pemBody(file: string): Uint8Array {
  return Uint8Array.from(atob(readFileSync(file, 'utf8').replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
}

// The SubjectPublicKeyInfo of a golden leaf (a real P-256 key): read from its TBSCertificate.
function leafSpki(): Uint8Array {
  const out = execFileSync('openssl', ['x509', '-in', join(GOLDEN, 'certinfo-produced-leaf', 'leaf.pem'), '-pubkey', '-noout']);
  return pemBody(writeTemp('spki.pem', out));
}

let scratch = '';
function writeTemp(fileName: string, data: string | Uint8Array | Buffer): string {
  scratch ||= mkdtempSync(join(tmpdir(), 'certinfo-crafted-'));
  const p = join(scratch, fileName);
  writeFileSync(p, data);
  return p;
}

interface CertSpec {
  subject?: Uint8Array;
  issuer?: Uint8Array;
  serial?: Uint8Array;
  notBefore?: Uint8Array;
  notAfter?: Uint8Array;
  exts?: Uint8Array[];
  sigOid?: string;
  sigParams?: Uint8Array;
  version?: number;
  spki?: Uint8Array;
}

function cert(spec: CertSpec, spki: Uint8Array): Uint8Array {
  const alg = w.derSequence(
    spec.sigParams ? [w.derOid(spec.sigOid ?? '1.2.840.10045.4.3.2'), spec.sigParams] : [w.derOid(spec.sigOid ?? '1.2.840.10045.4.3.2')],
  );
  const subject = spec.subject ?? name(rdn(atv('2.5.4.3', str(0x13, 'crafted'))));
  const tbs: Uint8Array[] = [];
  if ((spec.version ?? 2) !== 0) tbs.push(w.derContextConstructed(0, [w.derInteger(spec.version ?? 2)]));
  tbs.push(
    spec.serial ?? w.derInteger(5),
    alg,
    spec.issuer ?? subject,
    w.derSequence([spec.notBefore ?? str(0x17, '200101000000Z'), spec.notAfter ?? str(0x17, '300101000000Z')]),
    subject,
    spec.spki ?? spki,
  );
  if (spec.exts?.length) tbs.push(w.derContextConstructed(3, [w.derSequence(spec.exts)]));
  return w.derSequence([w.derSequence(tbs), alg, w.derBitString(Uint8Array.of(1, 2, 3))]);
}

interface CsrSpec {
  subject?: Uint8Array;
  spki?: Uint8Array;
  attrs?: Uint8Array[];
  rawAttrs?: Uint8Array;
  sigOid?: string;
  version?: number;
}

function csr(spec: CsrSpec, spki: Uint8Array): Uint8Array {
  const tbs = w.derSequence([
    w.derInteger(spec.version ?? 0),
    spec.subject ?? name(),
    spec.spki ?? spki,
    spec.rawAttrs ?? w.derContextConstructed(0, spec.attrs ?? []),
  ]);
  return w.derSequence([tbs, w.derSequence([w.derOid(spec.sigOid ?? '1.2.840.10045.4.3.2')]), w.derBitString(Uint8Array.of(1, 2, 3))]);
}

const extReq = (...exts: Uint8Array[]): Uint8Array =>
  w.derSequence([w.derOid('1.2.840.113549.1.9.14'), unsortedSet([w.derSequence(exts)])]);
const keyInfo = (algOid: string, params: Uint8Array | null, key: Uint8Array): Uint8Array =>
  w.derSequence([w.derSequence(params ? [w.derOid(algOid), params] : [w.derOid(algOid)]), w.derBitString(key)]);

const certCases: Array<[string, CertSpec]> = [
  [
    'T61String kept as raw bytes (invalid UTF-8 printed as \\ufffd)',
    { subject: name(rdn(atv('2.5.4.3', str(0x14, 'caf\xe9'))), rdn(atv('2.5.4.10', str(0x14, '\xc3\xa9t\xe2\x82')))) },
  ],
  ['BMPString with a lone surrogate and a terminator', { subject: name(rdn(atv('2.5.4.3', str(0x1e, hex('d80000410000'))))) }],
  [
    'UTCTime without seconds and with offsets; GeneralizedTime with a negative offset',
    { notBefore: str(0x17, '2001010000+0130'), notAfter: str(0x18, '20500101000000-0800') },
  ],
  ['UTCTime year 50 is 1950, 49 is 2049', { notBefore: str(0x17, '500101000000Z'), notAfter: str(0x17, '491231235959Z') }],
  ['PrintableString with & and *', { subject: name(rdn(atv('2.5.4.3', str(0x13, 'a&b*c')))) }],
  ['PrintableString with @ (Go rejects)', { subject: name(rdn(atv('2.5.4.3', str(0x13, 'a@b')))) }],
  ['INTEGER attribute value (Go rejects)', { subject: name(rdn(atv('2.5.4.3', w.derInteger(5)))) }],
  ['IA5String with a non-ASCII byte (Go rejects)', { subject: name(rdn(atv('2.5.4.3', str(0x16, 'x\xe9')))) }],
  ['NumericString', { subject: name(rdn(atv('2.5.4.5', str(0x12, '12 34')))) }],
  [
    'multi-valued, repeated and empty RDNs, street, postal code, unknown OID with <>',
    {
      subject: name(
        rdn(atv('2.5.4.11', str(0x13, 'B')), atv('2.5.4.11', str(0x13, 'A'))),
        unsortedSet([]),
        rdn(atv('2.5.4.3', str(0x13, 'one'))),
        rdn(atv('2.5.4.3', str(0x13, 'two'))),
        rdn(atv('2.5.4.9', str(0x0c, 'street'))),
        rdn(atv('2.5.4.17', str(0x13, '1234'))),
        rdn(atv('1.2.3.4', str(0x0c, 'x<y>&'))),
        rdn(atv('2.5.4.6', str(0x13, 'NL')), atv('2.5.4.6', str(0x13, 'BE'))),
      ),
      issuer: name(),
    },
  ],
  ['serial 0', { serial: w.derInteger(0) }],
  ['negative serial', { serial: w.tlv(0x02, hex('fb')) }],
  ['non-minimal serial (Go rejects)', { serial: w.tlv(0x02, hex('0005')) }],
  [
    'SANs: email and URI dropped, DNS then IPs (v4-mapped printed dotted)',
    {
      exts: [
        san(
          sanOf(1, 'a@b.example'),
          sanOf(2, 'b.example'),
          sanOf(7, hex('00000000000000000000ffff0a000001')),
          sanOf(7, hex('20010db8000000000000000000000001')),
          sanOf(6, 'https://u.example/'),
          sanOf(2, 'a.example'),
        ),
      ],
    },
  ],
  ['SAN IP of length 2 (Go rejects)', { exts: [san(sanOf(7, hex('0102')))] }],
  ['SAN URI with a bad host (Go rejects)', { exts: [san(sanOf(6, 'http://a b/'))] }],
  [
    'short AKI (issuer form) and SKI',
    { exts: [ext('2.5.29.14', w.derOctetString(hex('0a0b'))), ext('2.5.29.35', w.derSequence([w.derContextPrimitive(0, hex('00ff01'))]))] },
  ],
  [
    'duplicate extension (Go rejects)',
    { exts: [ext('2.5.29.14', w.derOctetString(hex('01'))), ext('2.5.29.14', w.derOctetString(hex('01')))] },
  ],
  ['RSA-PSS with empty parameters', { sigOid: '1.2.840.113549.1.1.10', sigParams: w.derSequence([]) }],
  ['MD5WithRSA', { sigOid: '1.2.840.113549.1.1.4', sigParams: w.DER_NULL }],
  ['SHA1WithRSA under the ISO OID', { sigOid: '1.3.14.3.2.29' }],
  ['unknown signature OID', { sigOid: '1.2.3.4.5' }],
  ['Ed25519 signature OID', { sigOid: '1.3.101.112' }],
  ['v1 certificate: extensions are ignored', { version: 0, exts: [ext('2.5.29.14', w.derOctetString(hex('01')))] }],
  ['version 4 (Go rejects)', { version: 3 }],
  ['UTCTime +0000 (Go rejects)', { notBefore: str(0x17, '200101000000+0000') }],
  ['29 February of a non-leap year (Go rejects)', { notBefore: str(0x17, '210229000000Z') }],
  [
    'zone offsets of 25 and 99 hours (Go 1.19 accepts)',
    { notBefore: str(0x17, '200101000000+2500'), notAfter: str(0x18, '20300101000000-9959') },
  ],
  [
    'OIDs with a leading 0x80 arc byte in a name and an extension (Go 1.19 cryptobyte reads them)',
    {
      subject: name(rdn(w.derSequence([w.tlv(0x06, hex('8001')), str(0x13, 'x')]))),
      exts: [w.derSequence([w.tlv(0x06, hex('2a8001')), w.derOctetString(hex('0500'))])],
    },
  ],
  ['zone offset of 24:60 (Go rejects: it serialises as +2500)', { notBefore: str(0x17, '200101000000+2460') }],
  [
    'RSA key without NULL parameters (Go rejects)',
    { spki: keyInfo('1.2.840.113549.1.1.1', null, w.derSequence([w.derInteger(77), w.derInteger(3)])) },
  ],
  ['unknown key algorithm is fine', { spki: keyInfo('1.3.101.110', null, new Uint8Array(32)) }],
  [
    'name constraints',
    {
      exts: [
        ext(
          '2.5.29.30',
          w.derSequence([
            w.derContextConstructed(0, [w.derSequence([sanOf(2, '.example.com')]), w.derSequence([sanOf(7, hex('0a000000ff000000'))])]),
          ]),
          true,
        ),
      ],
    },
  ],
];

const URIS = [
  'urn:x:y',
  'https:/x',
  '//host/p',
  'x#frag',
  'https://u:p@h:8/a%20b/c?q=1#f%20g',
  'HTTP://H/',
  'mailto:a@b',
  'https://h/a%2Fb',
  'https://h?',
  'https://[::1]:8/x',
  'a/b:c',
  'spiffe://trust.example/ns/x',
];
const BAD_URIS = ['http://a b/', 'http://a..b/', ':x', '1a:b', 'http://h:x/', 'http://h/%zz', 'x#%zz'];

// encoding/asn1's time errors come from time.Parse (cannot parse, out of range, extra text) or from the
// re-serialisation check; Go 1.19 puts no bound on a zone's hours. `G:` marks a GeneralizedTime.
const ASN1_TIMES = [
  'NL',
  '',
  '\xe9"\\',
  '991231235959+0000',
  '991231235959-0000',
  '991231235959+2500',
  '991231235959+9959',
  '991231235959+2460',
  '991231235959+-100',
  '991231235959+1+01',
  '991231235959x0100',
  '991231235959+10000',
  '9913312359Z',
  '991231245959Z',
  '991231236059Z',
  '991231235960Z',
  '990231235959Z',
  '500229000000Z',
  '000229000000Z',
  '991231235959.5Z',
  '9912312359.5Z',
  '9912312359.Z',
  '991231235959Zx',
  '+11231235959Z',
  '-51231235959Z',
  '99123123595Z',
  '9912319Z',
  '991231235959',
  '991231235959+01',
  '9912312359+0100',
  'G:20201231235959Z',
  'G:2a201231235959Z',
  'G:+0201231235959Z',
  'G:20201231235959,5Z',
  'G:2020a',
  'G:99991231235959-9959',
];

const csrCases: Array<[string, CsrSpec]> = [
  ...ASN1_TIMES.map((t): [string, CsrSpec] => [
    `subject attribute time ${JSON.stringify(t)}`,
    { subject: name(rdn(atv('1.2.3', str(t.startsWith('G:') ? 0x18 : 0x17, t.replace(/^G:/, ''))))) },
  ]),
  ['X25519 key: unknown algorithm, PublicKey null', { spki: keyInfo('1.3.101.110', null, new Uint8Array(32)) }],
  [
    'subject values of every type encoding/asn1 decodes into `any`',
    {
      subject: name(
        rdn(atv('2.5.4.3', w.derInteger(5))),
        rdn(atv('1.2.3', w.derBoolean(true))),
        rdn(atv('1.2.4', w.derOid('1.2.3.4'))),
        rdn(atv('1.2.5', w.derOctetString(hex('0102')))),
        rdn(atv('1.2.6', w.derBitString(hex('f0'), 4))),
        rdn(atv('1.2.7', str(0x17, '200101000000Z'))),
        rdn(atv('1.2.8', str(0x1e, hex('00410042')))),
        rdn(atv('1.2.9', str(0x12, '12 3'))),
        rdn(atv('1.2.10', w.derSequence([]))),
        rdn(atv('1.2.11', w.DER_NULL)),
        rdn(atv('2.5.4.6', str(0x14, 'x\xe9'))),
        rdn(atv('2.5.4.10', str(0x13, 'A&B'))),
      ),
    },
  ],
  [
    'critical extension: Attributes shows Value null',
    { attrs: [extReq(ext('2.5.29.19', w.derSequence([]), true), ext('2.5.29.15', hex('03020780')))] },
  ],
  [
    'challengePassword and unstructuredName are not AttributeTypeAndValueSETs',
    { attrs: [w.derSequence([w.derOid('1.2.840.113549.1.9.7'), unsortedSet([str(0x13, 'secret')])])] },
  ],
  ['duplicate requested extension (Go rejects)', { attrs: [extReq(ext('2.5.29.15', hex('03020780')), ext('2.5.29.15', hex('03020780')))] }],
  ['two extensionRequest attributes', { attrs: [extReq(ext('2.5.29.15', hex('03020780'))), extReq(ext('2.5.29.37', hex('3000')))] }],
  ['version 5', { version: 5 }],
  [
    'subject OID with a leading 0x80 arc byte (encoding/asn1 rejects)',
    { subject: name(rdn(w.derSequence([w.tlv(0x06, hex('8001')), str(0x13, 'x')]))) },
  ],
  ['attributes [0] absent (encoding/asn1: sequence truncated)', { rawAttrs: new Uint8Array(0) }],
  ['SAN IP of length 2 (Go rejects)', { attrs: [extReq(san(sanOf(7, hex('0102'))))] }],
  [
    'EC point not on the curve (Go rejects)',
    { spki: keyInfo('1.2.840.10045.2.1', w.derOid('1.2.840.10045.3.1.7'), hex('04' + '00'.repeat(64))) },
  ],
  [
    'RSA key without NULL parameters (Go rejects)',
    { spki: keyInfo('1.2.840.113549.1.1.1', null, w.derSequence([w.derInteger(77), w.derInteger(3)])) },
  ],
  ['small RSA key', { spki: keyInfo('1.2.840.113549.1.1.1', w.DER_NULL, w.derSequence([w.derInteger(77), w.derInteger(3)])) }],
  ['brainpool curve (Go rejects)', { spki: keyInfo('1.2.840.10045.2.1', w.derOid('1.3.36.3.3.2.8.1.1.7'), hex('04' + '00'.repeat(64))) }],
  ["subject not a SEQUENCE (tags don't match ... RDNSequence)", { subject: w.derInteger(1) }],
  ['subject SEQUENCE of INTEGER (sequence tag mismatch)', { subject: w.derSequence([w.derInteger(1)]) }],
  ['unknown signature algorithm', { sigOid: '1.2.3.4' }],
  ['extension list of garbage', { attrs: [w.derSequence([w.derOid('1.2.840.113549.1.9.14'), unsortedSet([w.derInteger(3)])])] }],
  ['empty extensionRequest set', { attrs: [w.derSequence([w.derOid('1.2.840.113549.1.9.14'), unsortedSet([])])] }],
  ['non-ASCII dNSName (Go rejects)', { attrs: [extReq(san(sanOf(2, bytes('\xc3\xa9'))))] }],
  [
    'otherName is skipped',
    { attrs: [extReq(san(w.derContextConstructed(0, [w.derOid('1.2.3'), w.derContextConstructed(0, [str(0x0c, 'x')])]), sanOf(2, 'ok')))] },
  ],
  ['subjectAltName that is not a SEQUENCE (Go rejects)', { attrs: [extReq(ext('2.5.29.17', w.derInteger(3)))] }],
  ...URIS.map((u): [string, CsrSpec] => [`URI SAN ${u}`, { attrs: [extReq(san(sanOf(6, u)))] }]),
  ...BAD_URIS.map((u): [string, CsrSpec] => [`bad URI SAN ${u}`, { attrs: [extReq(san(sanOf(6, u)))] }]),
];

interface Job {
  label: string;
  flag: '-cert' | '-csr';
  file: string;
  /** cfssl 1.2 dereferences a nil PEM block here (panic, exit 2); 1.6.5 returns 9002 (reference §2.6). */
  cfssl12Panics?: true;
}

describe.skipIf(!haveCfssl || !haveOpenssl)('certinfo on crafted inputs vs real cfssl (Go 1.19 parsing)', () => {
  const jobs: Job[] = [];
  const results = new Map<string, { ours: RunResult; theirs: RunResult }>();

  beforeAll(async () => {
    const spki = leafSpki();
    certCases.forEach(([label, spec], i) =>
      jobs.push({ label, flag: '-cert', file: writeTemp(`c${i}.pem`, encodePem('CERTIFICATE', cert(spec, spki))) }),
    );
    csrCases.forEach(([label, spec], i) =>
      jobs.push({ label, flag: '-csr', file: writeTemp(`r${i}.pem`, encodePem('CERTIFICATE REQUEST', csr(spec, spki))) }),
    );
    // Real CSRs: every one the golden corpus holds (cfssl- and openssl-made; RSA, ECDSA, Ed25519).
    for (const dir of [
      'initca-rsa4096-multi-o-ou-ip-hosts',
      'gencert-ed25519-leaf',
      'sign-openssl-utf8string-email-csr',
      'sign-hosts-mixed',
      'gencert-serialnumber-email-oid-names',
    ]) {
      for (const f of ['csr.pem', 'leaf.csr']) {
        try {
          jobs.push({ label: `golden ${dir}/${f}`, flag: '-csr', file: writeTemp(`${dir}-${f}`, readFileSync(join(GOLDEN, dir, f))) });
        } catch {
          // not every case has both files
        }
      }
    }
    // Inputs that are not what the flag expects.
    const leaf = join(GOLDEN, 'certinfo-produced-leaf', 'leaf.pem');
    jobs.push({ label: 'a certificate given to -csr', flag: '-csr', file: leaf });
    jobs.push({ label: 'a CSR given to -cert', flag: '-cert', file: join(GOLDEN, 'sign-hosts-mixed', 'leaf.csr') });
    const junk = '-----BEGIN CERTIFICATE REQUEST-----\nAAECAwQF\n-----END CERTIFICATE REQUEST-----\n';
    jobs.push({ label: 'PEM of garbage DER given to -csr', flag: '-csr', file: writeTemp('junk.csr', junk) });
    jobs.push({ label: 'PEM of garbage DER given to -cert', flag: '-cert', file: writeTemp('junk.pem', junk) });
    jobs.push({
      label: 'empty SEQUENCE given to -csr',
      flag: '-csr',
      file: writeTemp('empty.csr', encodePem('CERTIFICATE REQUEST', w.derSequence([]))),
    });
    const realCsr = pemBody(join(GOLDEN, 'sign-hosts-mixed', 'leaf.csr'));
    jobs.push({
      label: 'CSR with trailing data',
      flag: '-csr',
      file: writeTemp('trail.csr', encodePem('CERTIFICATE REQUEST', w.concatBytes([realCsr, Uint8Array.of(0)]))),
    });
    jobs.push({
      label: 'truncated CSR PEM',
      flag: '-csr',
      file: writeTemp('trunc.csr', encodePem('CERTIFICATE REQUEST', realCsr).slice(0, 200)),
      cfssl12Panics: true,
    });
    jobs.push({
      label: 'truncated certificate PEM',
      flag: '-cert',
      file: writeTemp('trunc.pem', readFileSync(leaf, 'utf8').slice(0, 300)),
    });
    jobs.push({ label: 'certificate DER (no PEM)', flag: '-cert', file: writeTemp('leaf.der', pemBody(leaf)) });
    jobs.push({ label: 'two certificates', flag: '-cert', file: writeTemp('two.pem', readFileSync(leaf, 'utf8').repeat(2)) });
    jobs.push({ label: 'a missing file', flag: '-cert', file: 'does-not-exist.pem' });
    // PKCS #7 SignedData (openssl crl2pkcs7): cfssl reads the fourth field as the certificates, so
    // `-nocrl` output (no CRL field) fails while output with a CRL works.
    const ca = join(GOLDEN, 'sign-hosts-mixed', 'ca.pem');
    const crlB64 = execFileSync('cfssl', ['gencrl', writeTemp('serials', '1234\n'), ca, join(GOLDEN, 'sign-hosts-mixed', 'ca-key.pem')], {
      encoding: 'utf8',
    }).trim();
    const crl = writeTemp('crl.pem', `-----BEGIN X509 CRL-----\n${(crlB64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END X509 CRL-----\n`);
    const p7 = (file: string, args: string[]): string => {
      execFileSync('openssl', ['crl2pkcs7', ...args, '-out', join(scratch, file)]);
      return join(scratch, file);
    };
    jobs.push({ label: 'PKCS #7 with one certificate and a CRL', flag: '-cert', file: p7('p7-crl.pem', ['-in', crl, '-certfile', leaf]) });
    jobs.push({ label: 'PKCS #7 without a CRL field', flag: '-cert', file: p7('p7-nocrl.pem', ['-nocrl', '-certfile', leaf]) });
    const two = writeTemp('two-certs.pem', readFileSync(leaf, 'utf8') + readFileSync(ca, 'utf8'));
    jobs.push({ label: 'PKCS #7 with two certificates', flag: '-cert', file: p7('p7-two.pem', ['-in', crl, '-certfile', two]) });
    jobs.push({ label: 'PKCS #7 with no certificate', flag: '-cert', file: p7('p7-none.pem', ['-in', crl]) });

    const done = await pool(jobs, 4, async (j) => {
      const args = ['certinfo', j.flag, j.file];
      const [ours, theirs] = await Promise.all([runCfsslInProcess(args), runAsync('cfssl', args, process.cwd())]);
      return [j.label, { ours, theirs }] as const;
    });
    for (const [label, r] of done) results.set(label, r);
  }, 600_000);

  it.each([...certCases.map(([l]) => l), ...csrCases.map(([l]) => l)].map((l) => [l]))('%s', (label) => {
    const { ours, theirs } = results.get(label)!;
    expect(ours.status).toBe(theirs.status);
    expect(asCfssl12(ours.stdout)).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
  });

  it('real CSRs from the golden corpus, wrong inputs, PKCS #7 and file errors: same bytes and exit status', () => {
    const extra = jobs.slice(certCases.length + csrCases.length);
    expect(extra.length).toBeGreaterThan(15);
    for (const j of extra) {
      const { ours, theirs } = results.get(j.label)!;
      if (j.cfssl12Panics) {
        expect([j.label, theirs.status, theirs.stderr.startsWith('panic: runtime error')]).toEqual([j.label, 2, true]);
        expect([j.label, ours.status, ours.stdout, ours.stderr]).toEqual([j.label, 1, '', '{"code":9002,"message":"CSR Decode failed"}\n']);
        continue;
      }
      expect([j.label, ours.status, asCfssl12(ours.stdout), ours.stderr]).toEqual([j.label, theirs.status, theirs.stdout, theirs.stderr]);
    }
  });
});
