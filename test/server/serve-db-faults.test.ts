// The database stopped mid-load under a running `cfssl-ts serve -db-config`: a private MariaDB the test owns
// (its own data directory and port) is really stopped with SIGTERM and started again. Signing requests then
// get cfssl's 11000 error in the envelope and no certificate (no certificate without a row); the server keeps
// answering; once the database is back the pool reconnects and signing works again. Judge: the database's rows.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCertdb, openCertdb, openSqlDriver } from '@cfssl-ts/certdb';
import { decodeFirstPem, parseCertificate } from '@cfssl-ts/core';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { httpExchange } from '@cfssl-ts/test-support/http-exchange';
import { startPrivateMariadb, type PrivateMariadb } from '@cfssl-ts/test-support/private-mariadb';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const hasMariadb = requireTool('mariadbd') && requireTool('mariadb-install-db');
const input = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);

interface Outcome {
  phase: 'up' | 'stopping' | 'down' | 'restarting' | 'back';
  status: number;
  code: number | null;
  message: string;
  certificate: string | null;
}

let db: PrivateMariadb | null = null;
let dir = '';
let serve: RunningCfsslTsServe | null = null;

beforeAll(async () => {
  if (!hasMariadb) return;
  const mariadb = await startPrivateMariadb();
  db = mariadb;
  const admin = await openSqlDriver({ driver: 'mysql', dataSource: mariadb.dsn('mysql') });
  await admin.query('CREATE DATABASE certdb');
  await admin.close();
  const store = await openCertdb({ driver: 'mysql', dataSource: mariadb.dsn('certdb') });
  await migrateCertdb(store.driver);
  await store.close();
  dir = mkdtempSync(join(tmpdir(), 'serve-db-faults-'));
  for (const f of ['ca.pem', 'ca-key.pem', 'config.json']) copyFileSync(input(f), join(dir, f));
  writeFileSync(join(dir, 'db-config.json'), JSON.stringify({ driver: 'mysql', data_source: mariadb.dsn('certdb') }));
  serve = await startCfsslTsServe(
    ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-db-config', 'db-config.json', '-workers', '1'],
    dir,
  );
}, 60_000);

afterAll(async () => {
  if (!hasMariadb) return;
  await serve?.stop();
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('cfssl-ts serve with its database stopped mid-load (private MariaDB)', () => {
  it.skipIf(!hasMariadb)(
    'answers 11000 without a certificate while the database is down, then signs again',
    async () => {
      const server = serve!;
      const mariadb = db!;
      const csr = readFileSync(input('leaf.csr'), 'utf8');
      const outcomes: Outcome[] = [];
      let phase: Outcome['phase'] = 'up';
      let running = true;
      const MAX_REQUESTS = 3000; // bounded load
      async function worker(): Promise<void> {
        while (running && outcomes.length < MAX_REQUESTS) {
          const sentIn = phase;
          const r = await httpExchange(server.port, 'POST', '/api/v1/cfssl/sign', {}, JSON.stringify({ certificate_request: csr }));
          const body = JSON.parse(r.body.toString('utf8')) as {
            result: { certificate?: string } | null;
            errors: { code: number; message: string }[];
          };
          const err = body.errors[0];
          outcomes.push({
            // A request sent in one phase and answered in another belongs to the transition.
            phase: sentIn === phase ? sentIn : sentIn === 'up' ? 'stopping' : sentIn === 'down' ? 'restarting' : sentIn,
            status: r.status,
            code: err?.code ?? null,
            message: err?.message ?? '',
            certificate: body.result?.certificate ?? null,
          });
        }
      }
      const count = (p: Outcome['phase'], ok: boolean) => outcomes.filter((o) => o.phase === p && (o.status === 200) === ok).length;
      const until = async (cond: () => boolean, what: string) => {
        const deadline = Date.now() + 30_000;
        while (!cond()) {
          if (Date.now() > deadline || outcomes.length >= MAX_REQUESTS) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const load = Promise.all([worker(), worker(), worker(), worker()]);
      try {
        await until(() => count('up', true) >= 20, '20 signatures with the database up');
        phase = 'stopping';
        await mariadb.stop();
        phase = 'down';
        await until(() => count('down', false) >= 20, '20 refusals with the database down');
        // Other endpoints still answer while the database is gone.
        const health = await httpExchange(server.port, 'GET', '/api/v1/cfssl/health');
        expect(health.status).toBe(200);
        const crl = await httpExchange(server.port, 'GET', '/api/v1/cfssl/crl');
        expect(crl.status).toBe(400);
        expect((JSON.parse(crl.body.toString('utf8')) as { errors: { code: number }[] }).errors[0]!.code).toBe(11000);
        phase = 'restarting';
        await mariadb.start();
        phase = 'back';
        await until(() => count('back', true) >= 20, '20 signatures with the database back');
      } finally {
        running = false;
        await load;
      }

      // Every answer is a certificate or cfssl's 11000 in the envelope: no 5xx, no other code.
      for (const o of outcomes) {
        if (o.status === 200) expect(o.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
        else
          expect({ status: o.status, code: o.code, certificate: o.certificate }).toEqual({ status: 400, code: 11000, certificate: null });
      }
      // While the database was down nothing was signed; once back, the last answers are all certificates.
      expect(count('down', true)).toBe(0);
      expect(
        outcomes
          .filter((o) => o.phase === 'back')
          .slice(-10)
          .every((o) => o.status === 200),
      ).toBe(true);
      expect(outcomes.filter((o) => o.status !== 200).every((o) => o.message.length > 0)).toBe(true);

      // Rows = certificates returned: every certificate handed out is recorded, and nothing else is.
      const store = await openCertdb({ driver: 'mysql', dataSource: mariadb.dsn('certdb') });
      try {
        const rows = await store.list();
        const issued = outcomes
          .filter((o) => o.certificate !== null)
          .map((o) => parseCertificate(decodeFirstPem(o.certificate!)!.der).serialNumber.toString());
        expect(rows.map((r) => r.serial).sort()).toEqual(issued.sort());
        expect(new Set(issued).size).toBe(issued.length);
      } finally {
        await store.close();
      }
      // Still the same process, still answering.
      expect(server.child.exitCode).toBeNull();
      const summary = Object.fromEntries(
        (['up', 'stopping', 'down', 'restarting', 'back'] as const).map((p) => [p, `${count(p, true)} ok / ${count(p, false)} refused`]),
      );
      const messages = [...new Set(outcomes.filter((o) => o.status !== 200).map((o) => o.message))];
      console.log(`serve-db-faults: ${outcomes.length} sign requests: ${JSON.stringify(summary)}; refusals: ${JSON.stringify(messages)}`);
      // A database failure is an answer, not a crash: no stack trace in the server's log.
      expect(server.log()).not.toMatch(/\n\s+at /);
    },
    120_000,
  );
});
