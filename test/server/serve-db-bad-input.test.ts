// Bad input for the database and OCSP endpoints (crl, ocspsign, revoke, certadd, certinfo by serial), on a real
// SQLite store: each answered with cfssl's envelope, status and code, and the server answers the next request.
// Expected texts are cfssl 1.6.5's (api/ocsp, api/crl, api/revoke, api/certadd; reference §6.2).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCertdb, openCertdb, type SqlCertificateStore } from '@cfssl-ts/certdb';
import { importPrivateKeyPem, loadSigningAuthority, parseCaCertificatePem, parseConfig } from '@cfssl-ts/core';
import { createCfsslHandler } from '@cfssl-ts/server';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';

const input = (name: string) => readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name), 'utf8');
const envelope = (code: number, message: string) =>
  `{"success":false,"result":null,"errors":[{"code":${code},"message":${JSON.stringify(message)}}],"messages":[]}\n`;

let dir = '';
let store: SqlCertificateStore;
let port = 0;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-db-bad-input-'));
  store = await openCertdb({ driver: 'sqlite3', dataSource: join(dir, 'certs.db') });
  await migrateCertdb(store.driver);
  const handler = createCfsslHandler({
    authority: await loadSigningAuthority(input('ca.pem'), input('ca-key.pem')),
    policy: parseConfig(input('config.json')).policy,
    store,
    ocspSigner: {
      issuer: parseCaCertificatePem(input('ca.pem')),
      responder: parseCaCertificatePem(input('responder.pem')),
      responderKey: await importPrivateKeyPem(input('responder-key.pem')),
    },
  });
  ({ port, close } = await listenOnFreePort(handler));
});
afterAll(async () => {
  await close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const leaf = input('intleaf.pem');
const ours = input('added.pem'); // issued by the sample's CA
const json = (v: unknown) => JSON.stringify(v);

// [name, method, path, body, status, code, message]
const CASES: [string, string, string, string, number, number, string][] = [
  ['ocspsign: malformed JSON', 'POST', 'ocspsign', '{"certificate":', 400, 400, 'Unable to parse sign request'],
  [
    'ocspsign: reason as a string',
    'POST',
    'ocspsign',
    json({ certificate: ours, status: 'revoked', reason: 'keyCompromise' }),
    400,
    400,
    'Unable to parse sign request',
  ],
  ['ocspsign: status as a number', 'POST', 'ocspsign', json({ certificate: ours, status: 1 }), 400, 400, 'Unable to parse sign request'],
  ['ocspsign: garbage PEM', 'POST', 'ocspsign', json({ certificate: 'garbage' }), 400, 400, 'Malformed certificate'],
  ['ocspsign: empty body', 'POST', 'ocspsign', '', 400, 400, 'Unable to parse sign request'],
  ['ocspsign: another issuer', 'POST', 'ocspsign', json({ certificate: leaf }), 400, 8100, 'Certificate not issued by this issuer'],
  ['ocspsign: unknown status', 'POST', 'ocspsign', json({ certificate: ours, status: 'bogus' }), 400, 8200, 'Invalid revocation status'],
  [
    'ocspsign: bad revoked_at',
    'POST',
    'ocspsign',
    json({ certificate: ours, status: 'revoked', revoked_at: '2024-13-01' }),
    400,
    400,
    'Malformed revocation time',
  ],
  [
    'ocspsign: lower-case hash name',
    'POST',
    'ocspsign',
    json({ certificate: ours, issuer_hash: 'sha1' }),
    400,
    400,
    'Unsupported hash algorithm in request',
  ],
  [
    'ocspsign: MD5 CertID',
    'POST',
    'ocspsign',
    json({ certificate: ours, issuer_hash: 'MD5' }),
    500,
    0,
    'unsupported issuer hash algorithm',
  ],
  ['ocspsign: GET', 'GET', 'ocspsign', '', 405, 405, 'Method is not allowed:"GET"'],
  ['crl: duration without unit', 'GET', 'crl?expiry=3600', '', 500, 0, 'time: missing unit in duration "3600"'],
  ['crl: POST', 'POST', 'crl', '{}', 405, 405, 'Method is not allowed:"POST"'],
  [
    'revoke: unknown serial',
    'POST',
    'revoke',
    json({ serial: '1', authority_key_id: 'ab' }),
    400,
    11200,
    'failed to revoke the certificate: certificate not found',
  ],
  ['revoke: no serial', 'POST', 'revoke', json({ authority_key_id: 'ab' }), 400, 400, 'serial number is required but not provided'],
  ['revoke: malformed JSON', 'POST', 'revoke', '[', 400, 400, 'Unable to parse revocation request'],
  ['certinfo: unknown serial', 'POST', 'certinfo', json({ serial: '1', authority_key_id: 'ab' }), 500, 0, 'no certificate found'],
  [
    'certadd: garbage PEM',
    'POST',
    'certadd',
    json({ serial_number: '1', authority_key_identifier: 'ab', status: 'good', pem: 'garbage', expiry: '2027-11-28T02:44:00Z' }),
    400,
    400,
    'Unable to parse PEM encoded certificates',
  ],
  ['certadd: wrong types', 'POST', 'certadd', json({ serial_number: 1 }), 400, 400, 'Unable to parse certificate addition request'],
];

describe('bad input for the database and OCSP endpoints', () => {
  for (const [name, method, path, body, status, code, message] of CASES) {
    it(name, async () => {
      const r = await httpExchange(port, method, `/api/v1/cfssl/${path}`, {}, body);
      expect({ status: r.status, type: r.headers['content-type'], body: r.body.toString('utf8') }).toEqual({
        status,
        type: 'text/plain; charset=utf-8',
        body: envelope(code, message),
      });
      // The next request is answered.
      const next = await httpExchange(port, 'POST', '/api/v1/cfssl/ocspsign', {}, json({ certificate: ours }));
      expect(next.status).toBe(200);
    });
  }

  it('a duplicate certadd is 11000 with the driver text, and the row is unchanged', async () => {
    const cert = parseCaCertificatePem(ours);
    const add = {
      serial_number: cert.serialNumber.toString(),
      authority_key_identifier: Buffer.from(cert.authorityKeyId).toString('hex'),
      status: 'good',
      pem: ours,
      expiry: new Date(cert.notAfter).toISOString().replace('.000', ''),
    };
    expect((await httpExchange(port, 'POST', '/api/v1/cfssl/certadd', {}, json(add))).status).toBe(200);
    const again = await httpExchange(
      port,
      'POST',
      '/api/v1/cfssl/certadd',
      {},
      json({ ...add, status: 'revoked', revoked_at: '2024-01-01T00:00:00Z' }),
    );
    expect(again.status).toBe(400);
    const refusal = JSON.parse(again.body.toString('utf8')) as { errors: { code: number; message: string }[] };
    expect(refusal.errors[0]!.code).toBe(11000);
    expect(refusal.errors[0]!.message).toMatch(/^UNIQUE constraint failed/);
    expect((await store.get(add.serial_number, add.authority_key_identifier))[0]!.status).toBe('good');
  });
});
