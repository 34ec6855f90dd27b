// bundle with the server's stores, gencrl with serials, the static page and `-disable /`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningAuthority, parseConfig } from '@cfssl-ts/core';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { createCfsslHandler, type CfsslHandler } from '../create-cfssl-handler.js';

const input = (name: string) => readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name), 'utf8');
let current: CfsslHandler;
let port = 0;
let close: () => Promise<void>;
let web: string;

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'cfssl-ts-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!DOCTYPE html><title>web</title>');
  writeFileSync(join(web, 'assets', 'a.js'), 'x=1');
  const s = await listenOnFreePort((req, res) => current(req, res));
  port = s.port;
  close = s.close;
});
afterAll(async () => {
  await close();
  rmSync(web, { recursive: true, force: true });
});

const request = async (method: string, path: string, body = '') => {
  const r = await httpExchange(port, method, path, { connection: 'close' }, body);
  return { status: r.status, headers: r.headers, body: r.body.toString('utf8') };
};

describe('bundle', () => {
  it('bundles a leaf to the server -ca-bundle root (status, chain, root)', async () => {
    current = createCfsslHandler({ bundle: { roots: new TextEncoder().encode(input('ca.pem')) } });
    const reply = await request('POST', '/api/v1/cfssl/bundle', JSON.stringify({ certificate: input('intleaf.pem') + input('int.pem') }));
    expect(reply.status, reply.body).toBe(200);
    const result = (JSON.parse(reply.body) as { result: { root: string; subject: string; bundle: string } }).result;
    expect(result.root).toBe(input('ca.pem').trim());
    expect(result.bundle).toContain(input('int.pem').trim().split('\n')[1]);
  });

  it('checks the hostname when `domain` comes with the certificate', async () => {
    current = createCfsslHandler({ bundle: { roots: new TextEncoder().encode(input('ca.pem')) } });
    const reply = await request(
      'POST',
      '/api/v1/cfssl/bundle',
      JSON.stringify({ certificate: input('intleaf.pem') + input('int.pem'), domain: 'not.there.example' }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('"code":1200');
  });
});

describe('gencrl', () => {
  it('revokes the given serials (base10; an unparseable one is 0) until now + expireTime', async () => {
    const t = Date.parse('2026-11-28T00:00:00Z');
    current = createCfsslHandler({
      authority: await loadSigningAuthority(input('ca.pem'), input('ca-key.pem')),
      issuance: { now: () => t },
    });
    const body = JSON.stringify({
      certificate: input('ca.pem'),
      issuingKey: input('ca-key.pem'),
      serialNumber: ['12345', 'x'],
      expireTime: '3600',
    });
    const reply = await request('POST', '/api/v1/cfssl/gencrl', body);
    expect(reply.status, reply.body).toBe(200);
    const der = Buffer.from((JSON.parse(reply.body) as { result: string }).result, 'base64');
    const hex = der.toString('hex');
    expect(hex).toContain('0202' + '3039'); // INTEGER 12345
    expect(hex).toContain('020100'); // INTEGER 0
    expect(der.includes(Buffer.from('261128010000Z'))).toBe(true); // nextUpdate = now + 3600 s
  });

  it('answers 400 malformed Private Key for a bad key, and is off without a signer', async () => {
    current = createCfsslHandler({ authority: await loadSigningAuthority(input('ca.pem'), input('ca-key.pem')) });
    const reply = await request('POST', '/api/v1/cfssl/gencrl', JSON.stringify({ certificate: input('ca.pem'), issuingKey: 'garbage' }));
    expect(reply.body).toBe('{"success":false,"result":null,"errors":[{"code":400,"message":"malformed Private Key"}],"messages":[]}\n');
    current = createCfsslHandler({ policy: parseConfig(input('config.json')).policy });
    expect(current.disabled.get('gencrl')).toBe('signer not initialized');
  });
});

describe('the page at /', () => {
  it('serves the built-in page at /, /bundle, /scan, /packages; 404 elsewhere', async () => {
    current = createCfsslHandler({});
    for (const path of ['/', '/bundle', '/scan', '/packages']) {
      const reply = await request('GET', path);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.body).toContain("api('certinfo'");
    }
    expect((await request('GET', '/nosuch')).body).toBe('404 page not found\n');
  });

  it('serves a built UI directory, refusing paths outside it', async () => {
    current = createCfsslHandler({ staticDir: web });
    expect((await request('GET', '/')).body).toBe('<!DOCTYPE html><title>web</title>');
    const js = await request('GET', '/assets/a.js');
    expect([js.status, js.headers['content-type'], js.body]).toEqual([200, 'text/javascript; charset=utf-8', 'x=1']);
    expect((await request('GET', '/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('-disable / turns it off', async () => {
    current = createCfsslHandler({ disable: ['/'] });
    expect(current.staticPage).toBe(false);
    expect(await request('GET', '/')).toMatchObject({ status: 404, body: '404 page not found\n' });
  });
});
