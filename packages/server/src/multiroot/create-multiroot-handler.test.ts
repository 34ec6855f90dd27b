// The multiroot handler in-process: what the live tests cannot easily reach (an ACL on loopback, the body limit,
// metadata and label reaching the store, ReturnPrecert, replay protection).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningAuthority, parseConfig } from '@cfssl-ts/core';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import type { CertificateRecord, CertificateStore } from '../certificate-store.js';
import { createMultirootHandler, type MultirootHandler } from './create-multiroot-handler.js';
import { parseNetAcl } from './net-acl.js';

const input = (name: string) => readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name), 'utf8');
const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const rows: CertificateRecord[] = [];
const store = {
  insert: (r: CertificateRecord) => {
    rows.push(r);
    return Promise.resolve();
  },
} as unknown as CertificateStore;

let port = 0;
let handler: MultirootHandler;
let close: () => Promise<void>;

beforeAll(async () => {
  const authority = await loadSigningAuthority(input('ca.pem'), input('ca-key.pem'));
  const policy = parseConfig(input('config.json')).policy;
  handler = createMultirootHandler({
    roots: new Map([
      ['open', { authority, policy, store }],
      ['loopback', { authority, policy, acl: parseNetAcl('127.0.0.0/8, ::1/128') }],
      ['elsewhere', { authority, policy, acl: parseNetAcl('192.0.2.0/24') }],
    ]),
    defaultLabel: 'open',
    maxBodyBytes: 16 * 1024,
    authsignMaxAge: 60_000,
  });
  const s = await listenOnFreePort(handler);
  port = s.port;
  close = s.close;
});
afterAll(() => close());

let stamp = Math.floor(Date.now() / 1000);
const body = (inner: object) => {
  const bytes = Buffer.from(JSON.stringify(inner));
  return JSON.stringify({
    timestamp: stamp,
    token: createHmac('sha256', KEY).update(bytes).digest().toString('base64'),
    request: bytes.toString('base64'),
  });
};
const authsign = async (text: string) => {
  const r = await httpExchange(port, 'POST', '/api/v1/cfssl/authsign', {}, text);
  return { status: r.status, json: JSON.parse(r.body.toString()) as { success: boolean; errors: { code: number; message: string }[] } };
};

describe('createMultirootHandler', () => {
  it('signs for a label whose nets include the client, refuses one whose nets do not', async () => {
    const csr = input('leaf.csr');
    expect((await authsign(body({ certificate_request: csr, profile: 'auth', label: 'loopback' }))).status).toBe(200);
    const refused = await authsign(body({ certificate_request: csr, profile: 'auth', label: 'elsewhere', hosts: ['x'] }));
    expect(refused.status).toBe(403);
    expect(refused.json.errors).toEqual([{ code: 1, message: 'not authorised' }]);
  });

  it('records the label, the request metadata and the DNS names in the store before answering', async () => {
    rows.length = 0;
    const r = await authsign(
      body({
        certificate_request: input('leaf.csr'),
        profile: 'auth',
        hosts: ['a.example', '10.0.0.1'],
        metadata: { team: 'ops', a: [1, 2.5] },
      }),
    );
    expect(r.status).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.caLabel).toBe('open');
    // cfssl stores json.Marshal of the decoded map: keys sorted
    expect(rows[0]!.metadata).toBe('{"a":[1,2.5],"team":"ops"}');
    expect(rows[0]!.sans).toBe('["a.example"]');
  });

  it('refuses ReturnPrecert (no CT support) as a failed signature, and counts it', async () => {
    const r = await authsign(body({ certificate_request: input('leaf.csr'), profile: 'auth', ReturnPrecert: true }));
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([{ code: 1, message: 'bad request' }]);
    expect(handler.metrics.render()).toMatch(/^requests_errored_total\{operation="sign",signer="open"\} 1$/m);
  });

  it('answers a body over the limit with 413 in the envelope (code 1)', async () => {
    const r = await authsign(JSON.stringify({ request: 'A'.repeat(20_000) }));
    expect(r.status).toBe(413);
    expect(r.json.errors).toEqual([{ code: 1, message: 'http: request body too large' }]);
  });

  it('with replay protection, refuses the same token twice', async () => {
    stamp = Math.floor(Date.now() / 1000);
    const once = body({ certificate_request: input('leaf.csr'), profile: 'auth', hosts: ['replay.example'] });
    expect((await authsign(once)).status).toBe(200);
    const again = await authsign(once);
    expect(again.status).toBe(400);
    expect(again.json.errors).toEqual([{ code: 1, message: 'authenticated request replayed: token already used' }]);
  });

  it('info: Go JSON errors are 400 with the Go text, an unknown label 400 "bad label"', async () => {
    const bad = await httpExchange(port, 'POST', '/api/v1/cfssl/info', {}, '[]');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({
      errors: [{ code: 400, message: 'json: cannot unmarshal array into Go value of type info.Req' }],
    });
    const unknown = await httpExchange(port, 'POST', '/api/v1/cfssl/info', {}, '{"label":"nope"}');
    expect(JSON.parse(unknown.body.toString())).toMatchObject({ errors: [{ code: 400, message: 'bad label' }] });
    expect((await httpExchange(port, 'GET', '/api/v1/cfssl/info')).status).toBe(405);
  });
});
