// cfssl-ts serve -db-config and -responder/-responder-key as a process, on real SQLite, PostgreSQL and MariaDB:
// sign records a row, certinfo finds it by serial, revoke marks it, crl lists it and ocspsign answers for it.
// Judges: the database itself (rows), openssl crl (signature, entries) and openssl ocsp (status).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCertdb, openCertdb } from '@cfssl-ts/certdb';
import { decodeFirstPem, importPrivateKeyPem, parseCaCertificatePem, parseCertificate } from '@cfssl-ts/core';
import { createCfsslHandler } from '@cfssl-ts/server';
import { startCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { availableDrivers, createTestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const drivers = await availableDrivers();
const hasOpenssl = requireTool('openssl');
const INPUTS = ['ca.pem', 'ca-key.pem', 'config.json', 'responder.pem', 'responder-key.pem', 'leaf.csr'];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'serve-db-config-'));
  for (const f of INPUTS) copyFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', f), join(dir, f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Envelope<T> = { success: boolean; result: T; errors: { code: number; message: string }[] };
async function call<T>(port: number, method: string, path: string, body?: unknown) {
  const r = await httpExchange(port, method, path, {}, body === undefined ? '' : JSON.stringify(body));
  return { status: r.status, body: JSON.parse(r.body.toString('utf8')) as Envelope<T> };
}
const openssl = (args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });

describe.each(['sqlite3', 'postgres', 'mysql'] as const)('cfssl-ts serve -db-config on %s', (driver) => {
  it.skipIf(!drivers[driver] || !hasOpenssl)('records, finds, revokes, lists in the CRL and answers OCSP', async () => {
    const db = await createTestDatabase(driver);
    const sub = mkdtempSync(join(dir, `${driver}-`));
    const store = await openCertdb(db.config);
    try {
      await migrateCertdb(store.driver);
      writeFileSync(join(sub, 'db-config.json'), JSON.stringify({ driver, data_source: db.config.dataSource }));
      const serve = await startCfsslTsServe(
        [
          ...['-ca', '../ca.pem', '-ca-key', '../ca-key.pem', '-config', '../config.json', '-db-config', 'db-config.json'],
          ...['-responder', '../responder.pem', '-responder-key', '../responder-key.pem', '-workers', '1'],
        ],
        sub,
      );
      try {
        for (const name of ['crl', 'ocspsign', 'revoke']) expect(serve.log()).toContain(`endpoint '/api/v1/cfssl/${name}' is enabled`);
        const signed = await call<{ certificate: string }>(serve.port, 'POST', '/api/v1/cfssl/sign', {
          certificate_request: readFileSync(join(dir, 'leaf.csr'), 'utf8'),
        });
        expect(signed.status).toBe(200);
        const pem = signed.body.result.certificate;
        const cert = parseCertificate(decodeFirstPem(pem)!.der);
        const serial = cert.serialNumber.toString();
        const aki = Buffer.from(cert.authorityKeyId).toString('hex');
        // The row, read back by the store (not by the server).
        const [row] = await store.get(serial, aki);
        expect({ pem: row?.pem, status: row?.status, expiry: row?.expiry }).toEqual({ pem, status: 'good', expiry: cert.notAfter });

        const info = await call<{ serial_number: string }>(serve.port, 'POST', '/api/v1/cfssl/certinfo', { serial, authority_key_id: aki });
        expect(info.body.result.serial_number).toBe(serial);

        const revoked = await call<object>(serve.port, 'POST', '/api/v1/cfssl/revoke', {
          serial,
          authority_key_id: aki,
          reason: 'keyCompromise',
        });
        expect(revoked).toEqual({ status: 200, body: { success: true, result: {}, errors: [], messages: [] } });
        expect((await store.get(serial, aki))[0]).toMatchObject({ status: 'revoked', reason: 1 });

        const crl = await call<string>(serve.port, 'GET', '/api/v1/cfssl/crl?expiry=1h');
        expect(crl.status).toBe(200);
        writeFileSync(join(sub, 'crl.der'), Buffer.from(crl.body.result, 'base64'));
        const text = openssl(['crl', '-inform', 'DER', '-in', join(sub, 'crl.der'), '-CAfile', 'ca.pem', '-text', '-noout']);
        expect(text.stderr).toContain('verify OK');
        const hexSerial = cert.serialNumber.toString(16).toUpperCase().padStart(40, '0');
        expect(text.stdout.match(/Serial Number: ([0-9A-F]+)/g)).toEqual([`Serial Number: ${hexSerial}`]);

        const ocsp = await call<{ ocspResponse: string }>(serve.port, 'POST', '/api/v1/cfssl/ocspsign', {
          certificate: pem,
          status: 'revoked',
          reason: 1,
        });
        expect(ocsp.status).toBe(200);
        writeFileSync(join(sub, 'resp.der'), Buffer.from(ocsp.body.result.ocspResponse, 'base64'));
        writeFileSync(join(sub, 'leaf.pem'), pem);
        const check = openssl(
          ['ocsp', '-respin', join(sub, 'resp.der'), '-issuer', 'ca.pem', '-cert', join(sub, 'leaf.pem')].concat([
            '-VAfile',
            'responder.pem',
            '-no_nonce',
          ]),
        );
        expect(check.stdout).toContain(`${join(sub, 'leaf.pem')}: revoked`);
        expect(check.stdout).toContain('Reason: keyCompromise');
      } finally {
        expect(await serve.stop()).toBe(0);
      }
    } finally {
      await store.close();
      await db.drop();
    }
  });
});

describe('cfssl-ts serve without -db-config or -responder', () => {
  it('leaves crl, revoke and ocspsign off with cfssl warnings, and says why ocspsign has no signer', async () => {
    const serve = await startCfsslTsServe(['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-workers', '1'], dir);
    try {
      const log = serve.log();
      expect(log).toMatch(/\[WARNING\] couldn't initialize ocsp signer: .+/);
      expect(log).toContain("[WARNING] endpoint 'crl' is disabled: cert db not configured (missing -db-config)");
      expect(log).toContain("[WARNING] endpoint 'revoke' is disabled: cert db not configured (missing -db-config)");
      expect(log).toContain("[WARNING] endpoint 'ocspsign' is disabled: signer not initialized");
      const r = await httpExchange(serve.port, 'GET', '/api/v1/cfssl/crl');
      expect({ status: r.status, body: r.body.toString('utf8') }).toEqual({ status: 404, body: '404 page not found\n' });
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});

describe('ocspsign issuer_hash (cfssl 1.6): the CertID hashed with the named algorithm', () => {
  it.skipIf(!hasOpenssl).each(['SHA1', 'SHA256', 'SHA384', 'SHA512'])('%s: openssl finds the status with the same digest', async (hash) => {
    const handler = createCfsslHandler({
      ocspSigner: {
        issuer: parseCaCertificatePem(readFileSync(join(dir, 'ca.pem'), 'utf8')),
        responder: parseCaCertificatePem(readFileSync(join(dir, 'responder.pem'), 'utf8')),
        responderKey: await importPrivateKeyPem(readFileSync(join(dir, 'responder-key.pem'), 'utf8')),
      },
    });
    const { port, close } = await listenOnFreePort(handler);
    try {
      const leaf = readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', 'added.pem'), 'utf8');
      const r = await call<{ ocspResponse: string }>(port, 'POST', '/api/v1/cfssl/ocspsign', {
        certificate: leaf,
        status: 'revoked',
        reason: 4,
        revoked_at: '2024-01-02',
        issuer_hash: hash,
      });
      expect(r.status).toBe(200);
      const resp = join(dir, `resp-${hash}.der`);
      writeFileSync(resp, Buffer.from(r.body.result.ocspResponse, 'base64'));
      writeFileSync(join(dir, 'added.pem'), leaf);
      const digest = `-${hash.toLowerCase()}`;
      const check = openssl([
        'ocsp',
        '-respin',
        resp,
        '-issuer',
        'ca.pem',
        digest, // openssl: the digest comes before -cert
        '-cert',
        'added.pem',
        '-VAfile',
        'responder.pem',
        '-no_nonce',
      ]);
      expect(check.stdout).toContain('added.pem: revoked');
      expect(check.stdout).toContain('Reason: superseded');
      expect(check.stdout).toContain('Revocation Time: Jan  2 00:00:00 2024 GMT');
      // Asked with another digest, openssl finds no status for it: the CertID really is hashed with `hash`.
      const other = hash === 'SHA1' ? '-sha256' : '-sha1';
      const miss = openssl([
        'ocsp',
        '-respin',
        resp,
        '-issuer',
        'ca.pem',
        other, // openssl: the digest comes before -cert
        '-cert',
        'added.pem',
        '-VAfile',
        'responder.pem',
        '-no_nonce',
      ]);
      expect(`${miss.stdout}${miss.stderr}`).toContain('No Status found');
    } finally {
      await close();
    }
  });
});
