// Scale-out (issue 13): two `cfssl-ts serve -db-config` processes on one PostgreSQL database under a bounded
// concurrent load of signs spread over both; every certificate returned is a row, rows = successes, no duplicate
// serial, no 5xx. Then a revocation through server 1, `cfssl-ts ocsprefresh` and `ocspserve -db-config`:
// openssl ocsp says revoked.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCertdb } from '@cfssl-ts/certdb';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { makeOcspTestPki } from '@cfssl-ts/test-support/ocsp-test-pki';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, pool, runAsync } from '@cfssl-ts/test-support/run-async';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const drivers = await availableDrivers();
const haveOpenssl = requireTool('openssl');
const REQUESTS = 300;
const CONCURRENCY = 16;

let dir = '';
let db: TestDatabase | null = null;
const servers: RunningCfsslTsServe[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  server: number;
  status: number;
  certificate: string | null;
  error: string | null;
}

describe.runIf(haveOpenssl && drivers.postgres)('two cfssl-ts serve -db-config on one PostgreSQL', () => {
  it(`${REQUESTS} signs at concurrency ${CONCURRENCY} over two servers: each certificate is a row; a revocation reaches ocspserve`, async () => {
    await makeOcspTestPki(dir);
    db = await createTestDatabase('postgres');
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ driver: 'postgres', data_source: db.config.dataSource }));
    expect((await cfsslTs(['certdb', 'migrate', '-db-config', 'db.json'], dir)).status).toBe(0);
    const key = await cfsslTs(['genkey', 'leaf.json'], dir);
    const csr = (JSON.parse(key.stdout) as { csr: string }).csr;

    const signerArgs = ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', 'db.json'];
    servers.push(await startCfsslTsServe(signerArgs, dir), await startCfsslTsServe(signerArgs, dir));
    const body = JSON.stringify({ certificate_request: csr });

    const started = performance.now();
    const outcomes = await pool(
      Array.from({ length: REQUESTS }, (_, i) => i % 2),
      CONCURRENCY,
      async (server): Promise<Outcome> => {
        try {
          const res = await fetch(`http://127.0.0.1:${servers[server]!.port}/api/v1/cfssl/sign`, { method: 'POST', body });
          const text = await res.text();
          const certificate =
            res.status === 200 ? (JSON.parse(text) as { result: { certificate?: string } }).result.certificate : undefined;
          return { server, status: res.status, certificate: certificate ?? null, error: certificate === undefined ? text : null };
        } catch (e) {
          return { server, status: 0, certificate: null, error: (e as Error).message };
        }
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const successes = outcomes.filter((o) => o.certificate !== null);
    const errors = outcomes.filter((o) => o.certificate === null);
    console.log(
      `scale-out: ${REQUESTS} sign requests, 2 servers, concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s, ` +
        `${successes.length} certificates, ${errors.length} errors${errors.length > 0 ? `: ${JSON.stringify(errors.slice(0, 5))}` : ''}`,
    );
    expect(outcomes.filter((o) => o.status >= 500 || o.status === 0)).toEqual([]);
    expect(errors).toEqual([]);
    expect(new Set(successes.map((o) => o.server))).toEqual(new Set([0, 1]));

    const store = await openCertdb(db.config);
    try {
      const rows = await store.list();
      expect(rows).toHaveLength(successes.length);
      const bySerial = new Map(rows.map((r) => [r.serial, r]));
      expect(bySerial.size).toBe(rows.length);
      const serials = successes.map((o) => BigInt(`0x${new X509Certificate(o.certificate!).serialNumber}`).toString());
      expect(new Set(serials).size).toBe(successes.length);
      for (const [i, serial] of serials.entries()) expect(bySerial.get(serial)?.pem).toBe(successes[i]!.certificate);

      // revoke one through server 1, refresh, answer from a responder reading the same database
      const victim = rows[0]!;
      const revoked = await fetch(`http://127.0.0.1:${servers[0]!.port}/api/v1/cfssl/revoke`, {
        method: 'POST',
        body: JSON.stringify({ serial: victim.serial, authority_key_id: victim.authorityKeyId, reason: 'keyCompromise' }),
      });
      expect(revoked.status, await revoked.clone().text()).toBe(200);
      const refresh = await cfsslTs(
        ['ocsprefresh', '-db-config', 'db.json', '-ca', 'ca.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem'],
        dir,
      );
      expect(refresh.status, refresh.stderr).toBe(0);
      expect(await store.listUnexpiredOcsp()).toHaveLength(rows.length);
      const responder = await startCfsslTsServe(['-db-config', 'db.json'], dir, 'ocspserve');
      servers.push(responder);
      const ask = async (pem: string, name: string) => {
        writeFileSync(join(dir, name), pem);
        const r = await runAsync(
          'openssl',
          [
            'ocsp',
            '-issuer',
            'ca.pem',
            '-cert',
            name,
            '-url',
            `http://127.0.0.1:${responder.port}`,
            '-VAfile',
            'responder.pem',
            '-no_nonce',
            '-resp_text',
          ],
          dir,
        );
        expect(r.stderr).toContain('Response verify OK');
        return r.stdout;
      };
      const answer = await ask(victim.pem, 'victim.pem');
      expect(answer).toContain('victim.pem: revoked');
      expect(answer).toContain('Reason: keyCompromise');
      expect(await ask(rows[1]!.pem, 'other.pem')).toContain('other.pem: good');
    } finally {
      await store.close();
    }
    // responders and signers hold connections to the database: stop them before it is dropped
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  }, 240_000);
});
