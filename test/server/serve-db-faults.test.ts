// The database stopped mid-load under a running `cfssl-ts serve -db-config`: a private MariaDB or PostgreSQL the
// test owns (its own data directory and port) is really stopped (SIGTERM; pg_ctl -m fast) and started again. Signing requests then
// get cfssl's 11000 error in the envelope and no certificate (no certificate without a row); the server keeps
// answering; once the database is back the pool (mysql2, pg) reconnects and signing works again. Judge: the database's rows.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCertdb, openCertdb, openSqlDriver } from '@cfssl-ts/certdb';
import { decodeFirstPem, parseCertificate } from '@cfssl-ts/core';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { httpExchange } from '@cfssl-ts/test-support/http-exchange';
import { startPrivateMariadb, type PrivateDatabaseServer } from '@cfssl-ts/test-support/private-mariadb';
import { startPrivatePostgres } from '@cfssl-ts/test-support/private-postgres';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const input = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);

interface Outcome {
  phase: 'up' | 'stopping' | 'down' | 'restarting' | 'back';
  status: number;
  code: number | null;
  message: string;
  certificate: string | null;
}

interface PrivateServer {
  name: string;
  driver: 'mysql' | 'postgres';
  /** An existing database to connect to for CREATE DATABASE. */
  adminDatabase: string;
  available: boolean;
  start: () => Promise<PrivateDatabaseServer>;
}

const SERVERS: PrivateServer[] = [
  {
    name: 'MariaDB (mariadbd, stopped with SIGTERM)',
    driver: 'mysql',
    adminDatabase: 'mysql',
    available: requireTool('mariadbd') && requireTool('mariadb-install-db'),
    start: startPrivateMariadb,
  },
  {
    name: 'PostgreSQL (initdb, stopped with pg_ctl -m fast)',
    driver: 'postgres',
    adminDatabase: 'postgres',
    available: requireTool('initdb') && requireTool('pg_ctl'),
    start: startPrivatePostgres,
  },
];

describe.each(SERVERS)('cfssl-ts serve with its database stopped mid-load: $name', (spec) => {
  let db: PrivateDatabaseServer | null = null;
  let dir = '';
  let serve: RunningCfsslTsServe | null = null;

  beforeAll(async () => {
    if (!spec.available) return;
    const server = await spec.start();
    db = server;
    const admin = await openSqlDriver({ driver: spec.driver, dataSource: server.dsn(spec.adminDatabase) });
    await admin.query('CREATE DATABASE certdb');
    await admin.close();
    const store = await openCertdb({ driver: spec.driver, dataSource: server.dsn('certdb') });
    await migrateCertdb(store.driver);
    await store.close();
    dir = mkdtempSync(join(tmpdir(), 'serve-db-faults-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json']) copyFileSync(input(f), join(dir, f));
    writeFileSync(join(dir, 'db-config.json'), JSON.stringify({ driver: spec.driver, data_source: server.dsn('certdb') }));
    serve = await startCfsslTsServe(
      ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-db-config', 'db-config.json', '-workers', '1'],
      dir,
    );
  }, 60_000);

  afterAll(async () => {
    await serve?.stop();
    await db?.destroy();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!spec.available)(
    'answers 11000 without a certificate while the database is down, then signs again',
    async () => {
      const server = serve!;
      const mariadb = db!; // the private database server (MariaDB or PostgreSQL)
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

      // Every certificate handed out is a row. The only other rows allowed are in-doubt inserts: the INSERT reached
      // the database as it went down, but its acknowledgement did not reach the server, which answered 11000 (seen in a
      // CI run on MariaDB). Such a row is a certificate nobody holds; there can be no more of them than
      // refusals while the database was stopping or starting.
      const store = await openCertdb({ driver: spec.driver, dataSource: mariadb.dsn('certdb') });
      try {
        const rows = new Set((await store.list()).map((r) => r.serial));
        const issued = outcomes
          .filter((o) => o.certificate !== null)
          .map((o) => parseCertificate(decodeFirstPem(o.certificate!)!.der).serialNumber.toString());
        expect(issued.filter((serial) => !rows.has(serial))).toEqual([]);
        const inDoubt = rows.size - issued.length;
        expect(inDoubt).toBeGreaterThanOrEqual(0);
        expect(inDoubt).toBeLessThanOrEqual(count('stopping', false) + count('restarting', false));
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
      console.log(
        `serve-db-faults (${spec.driver}): ${outcomes.length} sign requests: ${JSON.stringify(summary)}; refusals: ${JSON.stringify(messages)}`,
      );
      // A database failure is an answer, not a crash: no stack trace in the server's log.
      expect(server.log()).not.toMatch(/\n\s+at /);
    },
    120_000,
  );
});

// A database that accepts connections and never answers (a hung server, a half-open path): the drivers' connect
// timeouts (lib/pq `connect_timeout`, go-sql-driver `timeout`, both set to 1 s here) turn it into 11000 instead of
// a request that never ends; the server keeps answering meanwhile.
describe.each([
  {
    driver: 'postgres',
    dsn: (port: number) => `host=127.0.0.1 port=${port} user=postgres dbname=certdb sslmode=disable connect_timeout=1`,
  },
  { driver: 'mysql', dsn: (port: number) => `root@tcp(127.0.0.1:${port})/certdb?parseTime=true&timeout=1s` },
] as const)('cfssl-ts serve -db-config with a silent $driver server', ({ driver, dsn }) => {
  it('answers 11000 within the connect timeout and keeps serving', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket)); // accept, read nothing, answer nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(join(tmpdir(), 'serve-db-silent-'));
    let serve: RunningCfsslTsServe | null = null;
    try {
      for (const f of ['ca.pem', 'ca-key.pem', 'config.json']) copyFileSync(input(f), join(dir, f));
      writeFileSync(join(dir, 'db-config.json'), JSON.stringify({ driver, data_source: dsn((silent.address() as AddressInfo).port) }));
      serve = await startCfsslTsServe(
        ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-db-config', 'db-config.json', '-workers', '1'],
        dir,
      );
      const started = Date.now();
      const signing = httpExchange(
        serve.port,
        'POST',
        '/api/v1/cfssl/sign',
        {},
        JSON.stringify({ certificate_request: readFileSync(input('leaf.csr'), 'utf8') }),
      );
      // While the insert waits on the silent database, other requests are answered.
      expect((await httpExchange(serve.port, 'GET', '/api/v1/cfssl/health')).status).toBe(200);
      const r = await signing;
      const elapsed = Date.now() - started;
      const body = JSON.parse(r.body.toString('utf8')) as { result: unknown; errors: { code: number; message: string }[] };
      expect({ status: r.status, result: body.result, code: body.errors[0]?.code }).toEqual({ status: 400, result: null, code: 11000 });
      expect(body.errors[0]!.message).toMatch(/timeout|timed out|ETIMEDOUT/i);
      expect(elapsed).toBeLessThan(8000);
    } finally {
      await serve?.stop();
      for (const s of held) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
