import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningAuthority, parseConfig } from '@cfssl-ts/core';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { createCfsslHandler } from './create-cfssl-handler.js';

const input = (name: string) => readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name), 'utf8');
const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const err = (code: number, message: string) =>
  `{"success":false,"result":null,"errors":[{"code":${code},"message":${JSON.stringify(message)}}],"messages":[]}\n`;

let port = 0;
let close: () => Promise<void>;

beforeAll(async () => {
  const authority = await loadSigningAuthority(input('ca.pem'), input('ca-key.pem'));
  const handler = createCfsslHandler({ authority, policy: parseConfig(input('config.json')).policy, maxBodyBytes: 64 * 1024 });
  const busy = createCfsslHandler({
    authority,
    maxConcurrentSigning: 1,
    issuance: { now: () => Date.now() },
  });
  const s = await listenOnFreePort((req, res) => (req.headers['x-busy'] ? busy(req, res) : handler(req, res)));
  port = s.port;
  close = s.close;
});
afterAll(() => close());

const post = async (name: string, body: string | Uint8Array, headers: Record<string, string> = {}) => {
  const r = await httpExchange(port, 'POST', `/api/v1/cfssl/${name}`, headers, body);
  return { status: r.status, body: r.body.toString('utf8') };
};
const authBody = (inner: string, key: Uint8Array, tokenLength = 32) =>
  JSON.stringify({
    token: createHmac('sha256', key).update(inner).digest().subarray(0, tokenLength).toString('base64'),
    request: Buffer.from(inner).toString('base64'),
  });

describe('bad input per endpoint: cfssl envelope and code, then the next request is answered', () => {
  const cases: [string, string, number, string][] = [
    ['sign', '{', 400, err(400, 'Unable to parse sign request')],
    ['sign', '{"certificate_request":5}', 400, err(400, 'Unable to parse sign request')],
    ['sign', '{"certificate_request":"x","hosts":"a"}', 400, err(400, 'Unable to parse sign request')],
    ['sign', '{"certificate_request":"garbage"}', 400, err(9002, 'CSR Decode failed')],
    ['sign', '{"certificate_request":"x","profile":"auth"}', 400, err(400, 'authentication required')],
    [
      'authsign',
      '{"token":5}',
      400,
      err(400, 'json: cannot unmarshal number into Go struct field AuthenticatedRequest.token of type []uint8'),
    ],
    ['authsign', authBody('{"certificate_request":"x","profile":"auth"}', Buffer.alloc(32, 0xff)), 400, err(400, 'invalid token')],
    ['authsign', authBody('{"certificate_request":"x","profile":"auth"}', KEY, 16), 400, err(400, 'invalid token')],
    ['authsign', authBody('{"certificate_request":"x","profile":"server"}', KEY), 400, err(400, 'no authentication provider')],
    ['authsign', authBody('{"certificate_request":"","profile":"auth"}', KEY), 400, err(400, "missing parameter 'certificate_request'")],
    ['info', '[]', 400, err(400, 'json: cannot unmarshal array into Go value of type info.Req')],
    ['newkey', '{"CN":5}', 400, err(400, 'json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string')],
    ['newcert', '{"request":{"CN":"a","hosts":["a"]},"profile":"auth"}', 400, err(400, 'authentication required')],
    ['newcert', '{"request":null}', 400, err(400, 'missing request section')],
    ['init_ca', '{"CN":"x","key":{"algo":"dsa"}}', 400, err(2400, 'invalid algorithm')],
    ['certinfo', '{"certificate":"garbage"}', 400, err(1002, 'Failed to decode certificate')],
    ['certinfo', '{"certificate":true}', 500, err(0, 'json: cannot unmarshal bool into Go value of type string')],
    ['certadd', '{"serial_number":1}', 400, err(400, 'Unable to parse certificate addition request')],
  ];
  for (const [name, body, status, want] of cases) {
    it(`${name} ${body.slice(0, 60)}`, async () => {
      expect(await post(name, body)).toEqual({ status, body: want });
      expect((await httpExchange(port, 'GET', '/api/v1/cfssl/health')).status).toBe(200);
    });
  }

  it('an unknown profile signs with the default (cfssl signer.Profile)', async () => {
    const r = await post('sign', JSON.stringify({ certificate_request: input('leaf.csr'), profile: 'nosuch' }));
    expect(r.status).toBe(200);
  });

  it('a body over the limit is 413 in the envelope', async () => {
    const r = await post('sign', Buffer.alloc(65 * 1024, 0x20));
    expect(r).toEqual({ status: 413, body: err(413, 'http: request body too large') });
    expect((await httpExchange(port, 'GET', '/api/v1/cfssl/health')).status).toBe(200);
  });

  it('HEAD and OPTIONS are 405; an unknown path is Go 404', async () => {
    expect((await httpExchange(port, 'OPTIONS', '/api/v1/cfssl/sign')).status).toBe(405);
    expect((await httpExchange(port, 'HEAD', '/api/v1/cfssl/health')).status).toBe(405);
    const nf = await httpExchange(port, 'GET', '/api/v1/cfssl/sign/');
    expect({ status: nf.status, body: nf.body.toString() }).toEqual({ status: 404, body: '404 page not found\n' });
  });

  it('signing work beyond the bound is 503 at once', async () => {
    // RSA 4096 key generation keeps the one slot busy while the second request arrives.
    const slow = post('newkey', '{"CN":"a","key":{"algo":"rsa","size":4096}}', { 'x-busy': '1' });
    await new Promise((r) => setTimeout(r, 30));
    const refused = await post('newkey', '{}', { 'x-busy': '1' });
    expect(refused).toEqual({ status: 503, body: err(503, 'server busy: too many signing requests in flight') });
    expect((await slow).status).toBe(200);
  });
});
