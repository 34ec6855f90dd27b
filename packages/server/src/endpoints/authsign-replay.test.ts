// serve's authsign with -authsign-max-age: a fresh request signs, its replay and a stale one are refused; off by default.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningAuthority, parseConfig } from '@cfssl-ts/core';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { createCfsslHandler } from '../create-cfssl-handler.js';

const input = (name: string) => readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name), 'utf8');
const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const inner = JSON.stringify({ certificate_request: input('leaf.csr'), profile: 'auth' });
const body = (timestamp: number | undefined) =>
  JSON.stringify({
    ...(timestamp === undefined ? {} : { timestamp }),
    token: createHmac('sha256', KEY).update(inner).digest().toString('base64'),
    request: Buffer.from(inner).toString('base64'),
  });

let guarded = 0;
let open = 0;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const authority = await loadSigningAuthority(input('ca.pem'), input('ca-key.pem'));
  const policy = parseConfig(input('config.json')).policy;
  for (const maxAge of [300_000, null]) {
    const s = await listenOnFreePort(createCfsslHandler({ authority, policy, authsignMaxAge: maxAge }));
    closers.push(s.close);
    if (maxAge === null) open = s.port;
    else guarded = s.port;
  }
});
afterAll(() => Promise.all(closers.map((c) => c())));

const authsign = async (port: number, text: string) => {
  const r = await httpExchange(port, 'POST', '/api/v1/cfssl/authsign', {}, text);
  return {
    status: r.status,
    body: JSON.parse(r.body.toString('utf8')) as { success: boolean; errors: { code: number; message: string }[] },
  };
};

describe('authsign replay protection (serve -authsign-max-age)', () => {
  it('signs a request stamped now once, then refuses the same token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const first = await authsign(guarded, body(now));
    expect(first.status).toBe(200);
    expect(first.body.success).toBe(true);
    const again = await authsign(guarded, body(now));
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ code: 400, message: 'authenticated request replayed: token already used' }]);
    // re-stamping does not help: the token is the same
    expect((await authsign(guarded, body(now + 1))).body.errors[0]!.message).toMatch(/replayed/);
  });

  it('refuses a stale or missing timestamp before signing', async () => {
    const stale = await authsign(guarded, body(Math.floor(Date.now() / 1000) - 3600));
    expect(stale.status).toBe(400);
    expect(stale.body.errors[0]!.message).toBe('authenticated request timestamp is outside the allowed window');
    expect((await authsign(guarded, body(undefined))).body.errors[0]!.message).toBe('authenticated request has no timestamp');
  });

  it('checks the token first: a wrong token is "invalid token" and is not remembered', async () => {
    const forged = JSON.stringify({
      timestamp: Math.floor(Date.now() / 1000),
      token: Buffer.alloc(32).toString('base64'),
      request: Buffer.from(inner).toString('base64'),
    });
    expect((await authsign(guarded, forged)).body.errors[0]!.message).toBe('invalid token');
  });

  it('is off by default, as in cfssl: the same request signs twice, with no timestamp at all', async () => {
    expect((await authsign(open, body(undefined))).status).toBe(200);
    expect((await authsign(open, body(undefined))).status).toBe(200);
  });
});
