// Replays fixtures/golden/serve-1.6.5-sample (real cfssl 1.6.5 serve) against @cfssl-ts/server, without a database.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFirstPem, loadSigningAuthority, parseCertificate, parseConfig, parseCsr, type IssuanceOptions } from '@cfssl-ts/core';
import { createCfsslHandler, type CfsslHandler } from '@cfssl-ts/server';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
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
  const cert = e.derived?.certificate;
  if (!cert || typeof cert.serial_dec !== 'string' || typeof cert.not_before !== 'string') return {};
  const nb = Date.parse(cert.not_before);
  return { serialNumber: BigInt(cert.serial_dec), now: () => nb + 5 * 60_000 };
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
      const headers = Object.fromEntries(e.request.headers.filter(([k]) => !['host', 'connection'].includes(k.toLowerCase())));
      const reply = await httpExchange(port, e.request.method, e.request.path, { ...headers, connection: 'close' }, e.request.body ?? '');
      const body = reply.body.toString('utf8');
      const noDbAnswer = NO_DATABASE_ANSWERS[e.id];
      if (noDbAnswer) {
        expect({ status: reply.status, body }).toEqual(noDbAnswer);
        return;
      }
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
      if (wantCrl) {
        // Same CA key and clock: the same DER as cfssl's (RSA PKCS#1 v1.5 is deterministic).
        const got = JSON.parse(body) as { success: boolean; result: string };
        expect(got.success).toBe(true);
        expect(sha256(Buffer.from(got.result, 'base64'))).toBe(wantCrl.der_sha256);
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
    });
  }
});
