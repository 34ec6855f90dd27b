// Replays fixtures/golden/serve-1.6.5-sample (real cfssl 1.6.5 serve) against @cfssl-ts/server: without a database
// (cfssl's no-database answers), then as recorded, with the SQLite database and the OCSP responder.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCertdb, type SqlCertificateStore } from '@cfssl-ts/certdb';
import {
  decodeFirstPem,
  importPrivateKeyPem,
  loadSigningAuthority,
  parseCaCertificatePem,
  parseCertificate,
  parseConfig,
  parseCsr,
  type IssuanceOptions,
} from '@cfssl-ts/core';
import { createCfsslHandler, type CertificateRecord, type CfsslHandler, type OcspSigningOptions } from '@cfssl-ts/server';
import { decodeOid, readChildren, readSingle, type DerNode } from '@cfssl-ts/test-support/der-reader';
import { httpExchange, listenOnFreePort, type HttpReply } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';

interface Exchange {
  id: string;
  request: { method: string; path: string; headers: [string, string][]; body?: string };
  response: { status: number; headers: [string, string][]; body?: string };
  varies: string[];
  derived: Record<string, Record<string, unknown>> | null;
}

const dir = (...p: string[]) => fixturePath('golden', 'serve-1.6.5-sample', ...p);
const sample = JSON.parse(readFileSync(dir('exchanges.json'), 'utf8')) as { exchanges: Exchange[] };
const input = (name: string) => readFileSync(dir('inputs', name), 'utf8');

// What cfssl answers without -db-config and -responder (reference §6.2): these exchanges are checked against that.
const NOT_FOUND = { status: 404, body: '404 page not found\n' };
const noDb = (code: number, message: string, status = code === 0 ? 500 : 400) => ({
  status,
  body: `{"success":false,"result":null,"errors":[{"code":${code},"message":${JSON.stringify(message)}}],"messages":[]}\n`,
});
const NO_DATABASE_ANSWERS: Record<string, { status: number; body: string }> = {
  'crl/ok-empty-before-revocations': NOT_FOUND, // crl: disabled without a database
  'crl/ok-default': NOT_FOUND,
  'crl/err-expiry-days': NOT_FOUND,
  'revoke/ok-numeric-reason': NOT_FOUND, // revoke: disabled without a database
  'revoke/err-aki-uppercase': NOT_FOUND,
  'revoke/err-invalid-reason-name': NOT_FOUND,
  'revoke/err-reason-number-type': NOT_FOUND,
  'ocspsign/ok-revoked-date': NOT_FOUND, // ocspsign: disabled without -responder
  'ocspsign/ok-unknown': NOT_FOUND,
  'ocspsign/err-issuer-hash-unsupported': NOT_FOUND,
  'ocspsign/err-malformed-certificate': NOT_FOUND,
  'ocspsign/err-reason-string': NOT_FOUND,
  'certinfo/ok-serial-aki': noDb(0, 'cannot lookup certificate from serial without db access'),
  'certinfo/err-serial-hex': noDb(0, 'cannot lookup certificate from serial without db access'),
  'certadd/ok-revoked': noDb(11000, 'unknown db object, please check SetDB method'),
};

/** Exchanges not replayed, each with its reason. */
const NOT_REPLAYED: Record<string, string> = {};

// cfssl 1.6.5 serves its own UI at / (and /bundle, /scan, /packages); cfssl-ts serves packages/web or a small page.
const OWN_PAGE = new Set(['misc/static-bundle-redirect']);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const header = (hs: [string, string][], name: string) => hs.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

let current: CfsslHandler;
let port = 0;
let close: () => Promise<void>;
let authority: Awaited<ReturnType<typeof loadSigningAuthority>>;
const policy = parseConfig(input('config.json')).policy;

beforeAll(async () => {
  authority = await loadSigningAuthority(input('ca.pem'), input('ca-key.pem'));
  const s = await listenOnFreePort((req, res) => current(req, res));
  port = s.port;
  close = s.close;
});
afterAll(() => close());

// A recorded certificate's serial and clock, so the replay signs the same TBS (cfssl: notBefore = round(now,1m)-5m).
function replayClock(e: Exchange): IssuanceOptions {
  const crl = e.derived?.crl;
  if (crl && typeof crl.this_update === 'string') return { now: () => Date.parse(crl.this_update as string) };
  // OCSP: producedAt is now truncated to the minute, thisUpdate to the hour.
  const ocsp = e.derived?.ocspResponse;
  if (ocsp && typeof ocsp.produced_at === 'string') return { now: () => Date.parse(ocsp.produced_at as string) };
  const cert = e.derived?.certificate;
  if (!cert || typeof cert.serial_dec !== 'string' || typeof cert.not_before !== 'string') return {};
  const nb = Date.parse(cert.not_before);
  return { serialNumber: BigInt(cert.serial_dec), now: () => nb + 5 * 60_000 };
}

/** The recorded answer's status, headers that matter, envelope, codes and messages; certificates by their fields. */
function expectRecorded(e: Exchange, reply: HttpReply): void {
  const body = reply.body.toString('utf8');
  const want = e.response;
  if (OWN_PAGE.has(e.id)) {
    // Same status and file-server headers; the page is cfssl-ts's own.
    expect(reply.status).toBe(want.status);
    for (const h of ['Content-Type', 'Accept-Ranges']) expect(reply.headers[h.toLowerCase()]).toBe(header(want.headers, h));
    expect(body).toMatch(/^<!DOCTYPE html>/);
    expect(reply.headers['content-length']).toBe(String(reply.body.length));
    return;
  }
  expect(reply.status).toBe(want.status);
  expect(reply.headers['content-type']).toBe(header(want.headers, 'Content-Type'));
  expect(reply.headers['x-content-type-options']).toBe(header(want.headers, 'X-Content-Type-Options'));
  expect(reply.headers['transfer-encoding']).toBe(header(want.headers, 'Transfer-Encoding'));
  const bodyVaries = e.varies.some((v) => v.startsWith('result'));
  if (!bodyVaries) {
    expect(body).toBe(want.body);
    expect(reply.headers['content-length']).toBe(header(want.headers, 'Content-Length'));
    return;
  }
  // Certificates: the envelope exactly, the certificate by its fields (and its bytes, when signed with the recorded serial and clock).
  const wantCrl = e.derived?.crl;
  const wantOcsp = e.derived?.ocspResponse;
  if (wantCrl || wantOcsp) {
    // Same CA (or responder) key and clock: the same DER as cfssl's (RSA PKCS#1 v1.5 is deterministic).
    const got = JSON.parse(body) as { success: boolean; result: string | { ocspResponse: string } };
    expect(got.success).toBe(true);
    const b64 = typeof got.result === 'string' ? got.result : got.result.ocspResponse;
    expect(sha256(Buffer.from(b64, 'base64'))).toBe((wantCrl ?? wantOcsp)?.der_sha256);
    expect(reply.headers['content-length']).toBe(header(want.headers, 'Content-Length'));
    return;
  }
  const got = JSON.parse(body) as { success: boolean; result: Record<string, unknown>; errors: unknown[]; messages: unknown[] };
  const exp = JSON.parse(want.body ?? '') as typeof got;
  expect({ ...got, result: Object.keys(got.result) }).toEqual({ ...exp, result: Object.keys(exp.result) });
  const wantCert = e.derived?.certificate;
  if (typeof got.result.certificate === 'string' && wantCert) {
    const cert = parseCertificate(decodeFirstPem(got.result.certificate)!.der);
    expect(Buffer.from(cert.authorityKeyId).toString('hex')).toBe(wantCert.aki_hex ?? '');
    expect(new Date(cert.notAfter).toISOString().replace('.000', '')).toBe(wantCert.not_after);
    expect(cert.isCa).toBe((wantCert.basic_constraints as { ca: boolean }).ca);
    if (e.id.startsWith('sign/') || e.id.startsWith('authsign/')) {
      // Same CSR, serial, clock and RSA CA key: the same DER as cfssl's.
      expect(sha256(cert.raw)).toBe(wantCert.der_sha256);
    }
  }
  const wantCsr = e.derived?.certificate_request;
  if (typeof got.result.certificate_request === 'string' && wantCsr) {
    const csr = parseCsr(decodeFirstPem(got.result.certificate_request)!.der);
    expect(csr.subject.name.commonName).toBe(String(wantCsr.subject).replace(/^CN=/, '').split(',')[0]);
  }
}

async function send(e: Exchange): Promise<HttpReply> {
  const headers = Object.fromEntries(e.request.headers.filter(([k]) => !['host', 'connection'].includes(k.toLowerCase())));
  return httpExchange(port, e.request.method, e.request.path, { ...headers, connection: 'close' }, e.request.body ?? '');
}

describe('serve golden replay (cfssl 1.6.5 sample, no database)', () => {
  it('accounts for every exchange', () => {
    for (const id of [...Object.keys(NOT_REPLAYED), ...Object.keys(NO_DATABASE_ANSWERS)]) {
      expect(sample.exchanges.some((e) => e.id === id)).toBe(true);
    }
  });

  for (const e of sample.exchanges.filter((x) => !(x.id in NOT_REPLAYED))) {
    it(e.id, async () => {
      current = createCfsslHandler({ authority, policy, issuance: replayClock(e) });
      const reply = await send(e);
      const noDbAnswer = NO_DATABASE_ANSWERS[e.id];
      if (noDbAnswer) {
        expect({ status: reply.status, body: reply.body.toString('utf8') }).toEqual(noDbAnswer);
        return;
      }
      expectRecorded(e, reply);
    });
  }
});

// The recording's server ran with -db-config (a SQLite file made from inputs/certdb-schema.sql) and -responder.
// Rows the left-out exchanges wrote are seeded here: the certificate certinfo finds by serial (its PEM is the one
// the recorded answer shows) and three certificates signed in between, two of them revoked by left-out
// exchanges just before the recorded `crl/ok-default` (their recorded revocation times kept).
const CAPTURE_AKI = 'c7dbe53179414504a27ee71414e133bb3f5975ca';
const OUT_OF_SAMPLE_REVOKED: Record<string, string> = {
  '300560613511565393265570618275091162441076794432': '2026-11-28T02:49:27Z',
  '453454586197148434191834244692991276800708573457': '2026-11-28T02:49:26Z',
};
const SIGNED_IN_BETWEEN = [
  '300560613511565393265570618275091162441076794432',
  '285820916155610910307676113400151446376124944507', // revoked by revoke/ok-numeric-reason
  '453454586197148434191834244692991276800708573457',
];

function emptyRow(serial: string): CertificateRecord {
  return {
    serial,
    authorityKeyId: CAPTURE_AKI,
    caLabel: '',
    status: 'good',
    reason: 0,
    expiry: Date.parse('2027-11-28T02:44:00Z'),
    revokedAt: null,
    // Only serial, AKI, status and times matter to revoke and crl; the recording does not show these PEMs.
    pem: '',
    issuedAt: null,
    notBefore: null,
    metadata: 'null',
    sans: 'null',
    commonName: '',
  };
}

function rowFor(pem: string): CertificateRecord {
  const cert = parseCertificate(decodeFirstPem(pem)!.der);
  return {
    ...emptyRow(cert.serialNumber.toString()),
    authorityKeyId: Buffer.from(cert.authorityKeyId).toString('hex'),
    expiry: cert.notAfter,
    pem,
    notBefore: cert.notBefore,
    commonName: cert.subject.name.commonName,
    sans: JSON.stringify(cert.sans.dnsNames),
  };
}

// CertificateList → the fields the recording's `derived.crl` lists.
function crlFields(der: Uint8Array) {
  const [tbs, sigAlg] = readChildren(readSingle(der));
  const parts = readChildren(tbs!);
  const time = (n: DerNode) => {
    const t = Buffer.from(n.content).toString('latin1');
    const full = n.tag === 0x17 ? (Number(t.slice(0, 2)) >= 50 ? '19' : '20') + t : t;
    return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}T${full.slice(8, 10)}:${full.slice(10, 12)}:${full.slice(12, 14)}Z`;
  };
  const revokedNode = parts.find((p, i) => i > 4 && p.tag === 0x30);
  const extNode = parts.find((p) => p.tag === 0xa0);
  return {
    signature_algorithm: decodeOid(readChildren(sigAlg!)[0]!.content),
    this_update: time(parts[3]!),
    next_update: time(parts[4]!),
    revoked: (revokedNode ? readChildren(revokedNode) : []).map((r) => {
      const [serial, when] = readChildren(r);
      return { serial_dec: BigInt(`0x${Buffer.from(serial!.content).toString('hex')}`).toString(), revocation_date: time(when!) };
    }),
    extensions: extNode ? readChildren(readChildren(extNode)[0]!).map((x) => decodeOid(readChildren(x)[0]!.content)) : [],
  };
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

describe('serve golden replay (cfssl 1.6.5 sample, with its SQLite database and OCSP responder)', () => {
  let store: SqlCertificateStore;
  let dbDir = '';
  let ocspSigner: OcspSigningOptions;
  let revokeStarted = 0;

  beforeAll(async () => {
    dbDir = mkdtempSync(join(tmpdir(), 'serve-replay-db-'));
    store = await openCertdb({ driver: 'sqlite3', dataSource: join(dbDir, 'certs.db') });
    // The schema exactly as the recording's database was made (cfssl's sqlite migrations 001 and 002, Up).
    const schema = input('certdb-schema.sql').replace(/^--.*$/gm, '');
    for (const statement of schema
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean))
      await store.driver.query(statement);
    const certinfoAnswer = sample.exchanges.find((x) => x.id === 'certinfo/ok-serial-aki')!;
    for (const serial of SIGNED_IN_BETWEEN) await store.insert(emptyRow(serial));
    await store.insert(rowFor((JSON.parse(certinfoAnswer.response.body!) as { result: { pem: string } }).result.pem));
    ocspSigner = {
      issuer: parseCaCertificatePem(input('ca.pem')),
      responder: parseCaCertificatePem(input('responder.pem')),
      responderKey: await importPrivateKeyPem(input('responder-key.pem')),
    };
  });
  afterAll(async () => {
    await store.close();
    rmSync(dbDir, { recursive: true, force: true });
  });

  it('has the endpoints cfssl 1.6.5 had on (crl, ocspsign, revoke with the database and responder)', () => {
    const h = createCfsslHandler({ authority, policy, store, ocspSigner });
    for (const name of ['crl', 'ocspsign', 'revoke', 'certadd', 'certinfo']) expect(h.enabled).toContain(name);
  });

  for (const e of sample.exchanges.filter((x) => !(x.id in NOT_REPLAYED))) {
    it(e.id, async () => {
      if (e.id === 'crl/ok-default') {
        // The left-out revocations, at their recorded times (what the recorded CRL lists for them).
        for (const [serial, at] of Object.entries(OUT_OF_SAMPLE_REVOKED)) {
          await store.driver.query(
            "UPDATE certificates SET status='revoked', revoked_at=?, reason=1 WHERE serial_number=? AND authority_key_identifier=?",
            [store.driver.timestamp(Date.parse(at)), serial, CAPTURE_AKI],
          );
        }
      }
      if (e.id === 'revoke/ok-numeric-reason') revokeStarted = Math.floor(Date.now() / 1000) * 1000;
      current = createCfsslHandler({ authority, policy, store, ocspSigner, issuance: replayClock(e) });
      const reply = await send(e);
      if (e.id !== 'crl/ok-default') {
        expectRecorded(e, reply);
        return;
      }
      // Its entries: the same serials in the same order and the same times, except the one revoke/ok-numeric-reason
      // revoked now (CURRENT_TIMESTAMP) rather than on 2026-11-28; then the signature checked with the CA's key.
      expect(reply.status).toBe(200);
      const got = JSON.parse(reply.body.toString('utf8')) as { success: boolean; result: string };
      const der = Buffer.from(got.result, 'base64');
      const want = e.derived!.crl as ReturnType<typeof crlFields>;
      const fields = crlFields(der);
      expect({ ...fields, revoked: fields.revoked.map((r) => r.serial_dec) }).toEqual({
        signature_algorithm: SHA256_WITH_RSA,
        this_update: want.this_update,
        next_update: want.next_update,
        extensions: want.extensions,
        revoked: want.revoked.map((r) => r.serial_dec),
      });
      for (const [i, r] of fields.revoked.entries()) {
        const recorded = want.revoked[i]!;
        if (recorded.serial_dec === '285820916155610910307676113400151446376124944507') {
          expect(Date.parse(r.revocation_date)).toBeGreaterThanOrEqual(revokeStarted);
          expect(Date.parse(r.revocation_date)).toBeLessThanOrEqual(Date.now());
        } else expect(r.revocation_date).toBe(recorded.revocation_date);
      }
      const [tbs, , sig] = readChildren(readSingle(der));
      const ca = createPublicKey({
        key: Buffer.from(parseCaCertificatePem(input('ca.pem')).subjectPublicKeyInfo),
        format: 'der',
        type: 'spki',
      });
      expect(verify('sha256', tbs!.raw, ca, Buffer.from(sig!.content.subarray(1)))).toBe(true);
    });
  }
});
