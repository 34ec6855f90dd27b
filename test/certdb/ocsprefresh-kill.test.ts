// On SQLite and PostgreSQL, a killed `cfssl-ts ocsprefresh` leaves the previous responses in place (issue 13 faults): every stored response
// is whole and verifies (judged by openssl), old or new, and a later run completes the refresh.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCertdb, type SqlCertificateStore } from '@cfssl-ts/certdb';
import type { CertificateRecord } from '@cfssl-ts/server';
import { makeOcspTestPki } from '@cfssl-ts/test-support/ocsp-test-pki';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath } from '@cfssl-ts/test-support/run-bin';
import { cfsslTs, pool, runAsync } from '@cfssl-ts/test-support/run-async';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const haveOpenssl = requireTool('openssl');
const ROWS = 150;
const drivers = await availableDrivers();
const signerFlags = ['-ca', 'ca.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem'];

let dir = '';
let records: CertificateRecord[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ocsprefresh-kill-'));
  if (!haveOpenssl) return;
  await makeOcspTestPki(dir);
  writeFileSync(join(dir, 'db.json'), '{"driver":"sqlite3","data_source":"certs.db"}');
  expect((await cfsslTs(['certdb', 'migrate', '-db-config', 'db.json'], dir)).status).toBe(0);
  const key = await cfsslTs(['genkey', 'leaf.json'], dir);
  writeFileSync(join(dir, 'leaf.csr'), (JSON.parse(key.stdout) as { csr: string }).csr);
  // ROWS certificates, signed in this process (each a row, as `sign -db-config` writes it)
  for (let i = 0; i < ROWS; i++) {
    const r = await runCfsslInProcess(['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', 'db.json', 'leaf.csr'], {
      cwd: dir,
    });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const signed = await openCertdb({ driver: 'sqlite3', dataSource: join(dir, 'certs.db') });
  records = await signed.list();
  await signed.close();
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

for (const driver of ['sqlite3', 'postgres'] as const) {
  describe.runIf(haveOpenssl && drivers[driver])(`a killed ocsprefresh on ${driver}`, () => {
    let db: TestDatabase;
    let store: SqlCertificateStore;
    const cfg = `kill-${driver}.json`;
    const refreshFlags = ['-db-config', cfg, ...signerFlags];
    beforeAll(async () => {
      db = await createTestDatabase(driver);
      writeFileSync(join(dir, cfg), JSON.stringify({ driver, data_source: db.config.dataSource }));
      expect((await cfsslTs(['certdb', 'migrate', '-db-config', cfg], dir)).status).toBe(0);
      store = await openCertdb(db.config);
      // the rows `sign -db-config` wrote, copied as they are
      for (const r of records) await store.insert(r);
    }, 120_000);
    afterAll(async () => {
      await store.close();
      await db.drop();
    });
    const bodies = async () => new Map((await store.listUnexpiredOcsp()).map((o) => [o.serial, Buffer.from(o.body).toString('base64')]));

    it(`leaves every one of ${ROWS} previous responses whole and valid; the next run completes`, async () => {
      const first = await cfsslTs(['ocsprefresh', ...refreshFlags, '-interval', '96h'], dir);
      expect(first.status, first.stderr).toBe(0);
      const before = await bodies();
      expect(before.size).toBe(ROWS);

      // A second run with another interval (so every new body differs), killed once it has written some rows.
      const child = spawn(binPath('cfssl-ts'), ['ocsprefresh', ...refreshFlags, '-interval', '48h'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      let changed = 0;
      for (let i = 0; i < 2000 && changed === 0 && child.exitCode === null; i++) {
        const now = await bodies();
        changed = [...now].filter(([serial, b]) => before.get(serial) !== b).length;
        if (changed === 0) await new Promise((r) => setTimeout(r, 5));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const after = await bodies();
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const renewed = [...after].filter(([serial, b]) => before.get(serial) !== b).length;
      console.log(`${driver}: ocsprefresh killed after ${renewed} of ${ROWS} responses were replaced`);
      // killed mid-run: some rows new, some old
      expect(renewed).toBeGreaterThan(0);
      expect(renewed).toBeLessThan(ROWS);

      // every stored response, old or new, parses and verifies with the responder (openssl is the judge)
      const entries = [...after].map(([serial, b64], i) => [serial, b64, i] as const);
      const verdicts = await pool(entries, 4, async ([serial, b64, i]) => {
        const file = `resp-${driver}-${i}.der`;
        writeFileSync(join(dir, file), Buffer.from(b64, 'base64'));
        const r = await runAsync(
          'openssl',
          ['ocsp', '-respin', file, '-VAfile', 'responder.pem', '-issuer', 'ca.pem', '-serial', serial, '-resp_text'],
          dir,
        );
        const ok = r.stderr.includes('Response verify OK') && r.stdout.includes(`${serial}: good`);
        return ok ? 'ok' : `${serial}: ${r.stdout}${r.stderr}`;
      });
      expect(verdicts.filter((v) => v !== 'ok')).toEqual([]);

      const again = await cfsslTs(['ocsprefresh', ...refreshFlags, '-interval', '48h'], dir);
      expect(again.status, again.stderr).toBe(0);
      const final = await bodies();
      expect([...final].filter(([serial, b]) => before.get(serial) === b)).toEqual([]);
    }, 300_000);
  });
}
