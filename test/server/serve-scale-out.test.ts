// Scale-out: two `cfssl-ts serve` processes sharing one PostgreSQL database under a bounded concurrent load.
// Judges: the database's rows (every certificate returned is a row, rows = successes, no duplicate serials),
// openssl crl (a revocation made through one server is in the CRL the other one signs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCertdb, openCertdb } from '@cfssl-ts/certdb';
import { decodeFirstPem, parseCertificate } from '@cfssl-ts/core';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { httpExchange } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { pool } from '@cfssl-ts/test-support/run-async';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const drivers = await availableDrivers();
const hasOpenssl = requireTool('openssl');
const REQUESTS = 300; // bounded: a few hundred signs spread over both servers
const CONCURRENCY = 8;

let dir = '';
let db: TestDatabase | null = null;
const servers: RunningCfsslTsServe[] = [];

beforeAll(async () => {
  if (!drivers.postgres) return;
  dir = mkdtempSync(join(tmpdir(), 'serve-scale-out-'));
  for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr']) {
    copyFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', f), join(dir, f));
  }
  db = await createTestDatabase('postgres');
  const store = await openCertdb(db.config);
  await migrateCertdb(store.driver);
  await store.close();
  writeFileSync(join(dir, 'db-config.json'), JSON.stringify({ driver: 'postgres', data_source: db.config.dataSource }));
  const args = ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-db-config', 'db-config.json', '-workers', '1'];
  servers.push(await startCfsslTsServe(args, dir), await startCfsslTsServe(args, dir));
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  await db?.drop();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('two cfssl-ts serve on one PostgreSQL', () => {
  it.skipIf(!drivers.postgres || !hasOpenssl)(
    `${REQUESTS} signs over both: every certificate is a row, no duplicates, no 5xx; revocations reach the other's CRL`,
    async () => {
      const csr = readFileSync(join(dir, 'leaf.csr'), 'utf8');
      const started = Date.now();
      const answers = await pool(
        Array.from({ length: REQUESTS }, (_, i) => i),
        CONCURRENCY,
        async (i) => {
          const r = await httpExchange(
            servers[i % 2]!.port,
            'POST',
            '/api/v1/cfssl/sign',
            {},
            JSON.stringify({ certificate_request: csr }),
          );
          return { status: r.status, body: JSON.parse(r.body.toString('utf8')) as { result: { certificate: string } | null } };
        },
      );
      const seconds = (Date.now() - started) / 1000;
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const serials = answers.map((a) => parseCertificate(decodeFirstPem(a.body.result!.certificate)!.der).serialNumber.toString());
      expect(new Set(serials).size).toBe(REQUESTS);

      const store = await openCertdb(db!.config);
      try {
        const rows = await store.list();
        expect(rows.map((r) => r.serial).sort()).toEqual([...serials].sort());
        const aki = rows[0]!.authorityKeyId;
        // Revoke through server 0, ask server 1 for the CRL.
        const victims = serials.slice(0, 3);
        for (const serial of victims) {
          const r = await httpExchange(
            servers[0]!.port,
            'POST',
            '/api/v1/cfssl/revoke',
            {},
            JSON.stringify({ serial, authority_key_id: aki, reason: 'superseded' }),
          );
          expect(r.status).toBe(200);
        }
        const crl = await httpExchange(servers[1]!.port, 'GET', '/api/v1/cfssl/crl');
        expect(crl.status).toBe(200);
        const der = join(dir, 'crl.der');
        writeFileSync(der, Buffer.from((JSON.parse(crl.body.toString('utf8')) as { result: string }).result, 'base64'));
        const text = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', der, '-CAfile', 'ca.pem', '-text', '-noout'], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(text.stderr).toContain('verify OK');
        const listed = [...text.stdout.matchAll(/Serial Number: ([0-9A-F]+)/g)].map((m) => BigInt(`0x${m[1]!}`).toString()).sort();
        expect(listed).toEqual([...victims].sort());
      } finally {
        await store.close();
      }
      console.log(
        `serve-scale-out: ${REQUESTS} signs over 2 servers on one PostgreSQL, ${CONCURRENCY} concurrent: ${seconds.toFixed(1)} s, 0 errors`,
      );
    },
    120_000,
  );
});
