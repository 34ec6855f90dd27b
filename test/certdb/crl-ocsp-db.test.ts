// cfssl-ts crl, ocsprefresh, ocspdump and ocspserve -db-config on real databases (reference §2.11, §2.14–2.16,
// §6.7), judged by openssl: `openssl crl -text` lists exactly the revoked, unexpired serials with the database's
// revocation times; `openssl ocsp -VAfile` against ocspserve agrees with the database for every certificate.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCertdb, type SqlCertificateStore } from '@cfssl-ts/certdb';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { issueTestLeaf, makeOcspTestPki, opensslTime, type IssuedLeaf } from '@cfssl-ts/test-support/ocsp-test-pki';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const drivers = await availableDrivers();
const haveOpenssl = requireTool('openssl');

let dir = '';
const running: RunningCfsslTsServe[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crl-ocsp-db-'));
  if (haveOpenssl) await makeOcspTestPki(dir);
}, 180_000);
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function ocspserve(args: string[]): Promise<string> {
  const r = await startCfsslTsServe(args, dir, 'ocspserve');
  running.push(r);
  return `http://127.0.0.1:${r.port}`;
}

async function ask(url: string, cert: string, digest: string[] = []): Promise<string> {
  const r = await runAsync(
    'openssl',
    ['ocsp', '-issuer', 'ca.pem', ...digest, '-cert', cert, '-url', url, '-VAfile', 'responder.pem', '-no_nonce', '-resp_text'],
    dir,
  );
  return r.stdout + r.stderr;
}

for (const driver of ['sqlite3', 'postgres', 'mysql'] as const) {
  describe.runIf(haveOpenssl && drivers[driver])(
    `crl and OCSP from the database on ${driver}`,
    () => {
      let db: TestDatabase;
      let store: SqlCertificateStore;
      const cfg = `db-${driver}.json`;
      const leaves: Record<'good' | 'keyCompromise' | 'superseded' | 'unknown' | 'expiredRevoked' | 'expiredGood' | 'notInDb', IssuedLeaf> =
        {} as never;
      let aki = '';

      beforeAll(async () => {
        db = await createTestDatabase(driver);
        writeFileSync(join(dir, cfg), JSON.stringify({ driver: db.config.driver, data_source: db.config.dataSource }));
        expect((await cfsslTs(['certdb', 'migrate', '-db-config', cfg], dir)).status).toBe(0);
        const withDb = ['-db-config', cfg];
        const expired = ['-config', 'short.json', '--now', '2020-01-01T00:00:00Z', ...withDb];
        for (const name of ['good', 'keyCompromise', 'superseded', 'unknown'] as const) {
          leaves[name] = await issueTestLeaf(dir, `${driver}-${name}`, withDb);
        }
        leaves.expiredRevoked = await issueTestLeaf(dir, `${driver}-expiredRevoked`, expired);
        leaves.expiredGood = await issueTestLeaf(dir, `${driver}-expiredGood`, expired);
        leaves.notInDb = await issueTestLeaf(dir, `${driver}-notInDb`);
        store = await openCertdb(db.config);
        const rows = await store.list();
        expect(rows).toHaveLength(6);
        aki = rows[0]!.authorityKeyId;
        const revoke = async (serial: string, reason: string) =>
          expect(await cfsslTs(['revoke', '-db-config', cfg, '-serial', serial, '-aki', aki, '-reason', reason], dir)).toMatchObject({
            status: 0,
          });
        await revoke(leaves.keyCompromise.serial, 'keyCompromise');
        await revoke(leaves.superseded.serial, '4');
        await revoke(leaves.expiredRevoked.serial, 'cessationOfOperation');
        // cfssl writes only good and revoked; an `unknown` row (set by hand) is signed as unknown (ocsp.StatusCode).
        await store.driver.query("UPDATE certificates SET status='unknown' WHERE serial_number = ?", [leaves.unknown.serial]);
      }, 180_000);
      afterAll(async () => {
        // responders hold connections: stop them before the database is dropped
        await Promise.all(running.splice(0).map((r) => r.stop()));
        await store.close();
        await db.drop();
      });

      const revokedAt = async (serial: string) => {
        const [row] = await store.get(serial, aki);
        if (row?.revokedAt == null) throw new Error(`no revoked_at for ${serial}`);
        return row.revokedAt;
      };

      it('crl: openssl lists exactly the revoked, unexpired serials with their revoked_at, and verifies the signature', async () => {
        const r = await cfsslTs(['crl', '-db-config', cfg, '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-expiry', '24h'], dir);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
        writeFileSync(join(dir, `${driver}.crl`), Buffer.from(r.stdout, 'base64'));
        const text = await runAsync(
          'openssl',
          ['crl', '-inform', 'DER', '-in', `${driver}.crl`, '-text', '-noout', '-CAfile', 'ca.pem'],
          dir,
        );
        expect(text.stderr).toContain('verify OK');
        const listed = [...text.stdout.matchAll(/Serial Number: ([0-9A-F]+)\n\s+Revocation Date: (.*)\n/g)].map((m) => [
          BigInt(`0x${m[1]}`).toString(),
          m[2],
        ]);
        const expected = [];
        for (const leaf of [leaves.keyCompromise, leaves.superseded])
          expected.push([leaf.serial, opensslTime(await revokedAt(leaf.serial))]);
        expect(listed.sort()).toEqual(expected.sort());
        // thisUpdate → nextUpdate is -expiry
        const last = Date.parse(/Last Update: (.*)/.exec(text.stdout)![1]!);
        const next = Date.parse(/Next Update: (.*)/.exec(text.stdout)![1]!);
        expect(next - last).toBe(24 * 3_600_000);
      }, 120_000);

      it('ocsprefresh, then openssl ocsp against ocspserve -db-config agrees with the database for every certificate', async () => {
        const refresh = await cfsslTs(
          ['ocsprefresh', '-db-config', cfg, '-ca', 'ca.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem'],
          dir,
        );
        expect(refresh.status, refresh.stderr).toBe(0);
        // one response per unexpired certificate, under the certificate's serial and AKI, expiring in -interval (96h)
        const stored = await store.listUnexpiredOcsp();
        expect(stored.map((o) => o.serial).sort()).toEqual(
          [leaves.good, leaves.keyCompromise, leaves.superseded, leaves.unknown].map((l) => l.serial).sort(),
        );
        for (const o of stored) {
          expect(o.authorityKeyId).toBe(aki);
          expect(Math.abs(o.expiry - (Date.now() + 96 * 3_600_000))).toBeLessThan(120_000);
        }

        const url = await ocspserve(['-db-config', cfg]);
        const good = await ask(url, leaves.good.file);
        expect(good).toContain('Response verify OK');
        expect(good).toMatch(new RegExp(`${leaves.good.file}: good\\n\\s+This Update: .*\\n\\s+Next Update: `));
        for (const [name, reason] of [
          ['keyCompromise', 'keyCompromise'],
          ['superseded', 'superseded'],
        ] as const) {
          const out = await ask(url, leaves[name].file);
          expect(out).toContain('Response verify OK');
          expect(out).toContain(`${leaves[name].file}: revoked`);
          expect(out).toContain(`Reason: ${reason}`);
          expect(out).toContain(`Revocation Time: ${opensslTime(await revokedAt(leaves[name].serial))}`);
        }
        const unknown = await ask(url, leaves.unknown.file);
        expect(unknown).toContain('Response verify OK');
        expect(unknown).toContain(`${leaves.unknown.file}: unknown`);
        // no stored response: cfssl's responder answers `unauthorized`
        for (const name of ['notInDb', 'expiredGood', 'expiredRevoked'] as const) {
          expect(await ask(url, leaves[name].file)).toMatch(/Responder Error: unauthorized \(6\)/);
        }
        // the database source matches on the SHA-1 issuer key hash (cfssl stores the SKI), so a SHA-256 CertID is unknown to it
        expect(await ask(url, leaves.good.file, ['-sha256'])).toMatch(/Responder Error: unauthorized \(6\)/);
      }, 120_000);

      it('ocspdump prints every unexpired response, one base64 line each, and ocspserve -responses answers from it', async () => {
        const dump = await cfsslTs(['ocspdump', '-db-config', cfg], dir);
        expect(dump.status, dump.stderr).toBe(0);
        const lines = dump.stdout.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(4);
        const stored = await store.listUnexpiredOcsp();
        expect(lines.sort()).toEqual(stored.map((o) => Buffer.from(o.body).toString('base64')).sort());
        writeFileSync(join(dir, `${driver}-responses.txt`), dump.stdout);
        const url = await ocspserve(['-responses', `${driver}-responses.txt`]);
        const revoked = await ask(url, leaves.keyCompromise.file);
        expect(revoked).toContain('Response verify OK');
        expect(revoked).toContain('Reason: keyCompromise');
        expect(await ask(url, leaves.good.file)).toContain(`${leaves.good.file}: good`);
      }, 120_000);

      // The HTTP layer is the driver-independent handler: checked once.
      if (driver === 'sqlite3')
        it('ocspserve -db-config over HTTP: GET, caching headers, ETag and 304 as §6.7', async () => {
          const url = await ocspserve(['-db-config', cfg]);
          const reqFile = `${driver}-req.der`;
          const made = await runAsync(
            'openssl',
            ['ocsp', '-issuer', 'ca.pem', '-cert', leaves.good.file, '-no_nonce', '-reqout', reqFile],
            dir,
          );
          expect(made.status, made.stderr).toBe(0);
          const req = readFileSync(join(dir, reqFile));
          const get = await fetch(`${url}/${encodeURIComponent(req.toString('base64'))}`);
          expect(get.status).toBe(200);
          expect(get.headers.get('content-type')).toBe('application/ocsp-response');
          expect(get.headers.get('cache-control')).toMatch(/^max-age=\d+, public, no-transform, must-revalidate$/);
          const body = Buffer.from(await get.arrayBuffer());
          const [row] = (await store.getOcsp(leaves.good.serial, aki)).map((o) => Buffer.from(o.body));
          expect(body.equals(row!)).toBe(true);
          const etag = `"${createHash('sha256').update(body).digest('hex').toUpperCase()}"`;
          expect(get.headers.get('etag')).toBe(etag);
          const again = await fetch(url, { method: 'POST', body: req, headers: { 'If-None-Match': etag } });
          expect(again.status).toBe(304);
        });
    },
    120_000,
  );
}
