// cfssl-ts certdb migrate, gencert/sign -db-config, revoke and certinfo -db-config on real databases, and
// real cfssl 1.2 on the same SQLite file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCertdb } from '@cfssl-ts/certdb';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const drivers = await availableDrivers();
const hasCfssl = requireTool('cfssl');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certdb-cli-'));
  writeFileSync(join(dir, 'ca-csr.json'), '{"CN":"certdb test CA","key":{"algo":"ecdsa","size":256}}');
  writeFileSync(
    join(dir, 'leaf.json'),
    '{"CN":"a.example","hosts":["a.example","10.0.0.1","b.example"],"key":{"algo":"ecdsa","size":256}}',
  );
  const ca = JSON.parse(runBin('cfssl-ts', ['gencert', '-initca', 'ca-csr.json'], dir).stdout) as { cert: string; key: string };
  writeFileSync(join(dir, 'ca.pem'), ca.cert);
  writeFileSync(join(dir, 'ca-key.pem'), ca.key);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeDbConfig(name: string, db: TestDatabase): string {
  writeFileSync(join(dir, name), JSON.stringify({ driver: db.config.driver, data_source: db.config.dataSource }));
  return name;
}

/** gencert a leaf with -db-config; returns its decimal serial and lowercase-hex AKI from certinfo. */
function issue(dbConfig: string): { serial: string; aki: string; pem: string } {
  const r = runBin('cfssl-ts', ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', dbConfig, 'leaf.json'], dir);
  expect(r.status, r.stderr).toBe(0);
  const pem = (JSON.parse(r.stdout) as { cert: string }).cert;
  writeFileSync(join(dir, 'issued.pem'), pem);
  const info = JSON.parse(runBin('cfssl-ts', ['certinfo', '-cert', 'issued.pem'], dir).stdout) as {
    serial_number: string;
    authority_key_id: string;
  };
  return { serial: info.serial_number, aki: info.authority_key_id.replaceAll(':', '').toLowerCase(), pem };
}

for (const driver of ['sqlite3', 'postgres', 'mysql'] as const) {
  describe.skipIf(!drivers[driver])(`cfssl-ts with -db-config on ${driver}`, () => {
    let db: TestDatabase;
    let cfg = '';
    beforeAll(async () => {
      db = await createTestDatabase(driver);
      cfg = writeDbConfig(`db-${driver}.json`, db);
    });
    afterAll(async () => {
      await db.drop();
    });

    it('certdb migrate applies both migrations, then nothing', () => {
      const first = runBin('cfssl-ts', ['certdb', 'migrate', '-db-config', cfg], dir);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/applied migration 001_CreateCertificates\n.*applied migration 002_AddMetadataToCertificates\n/);
      const again = runBin('cfssl-ts', ['certdb', 'migrate', `-db-config=${cfg}`], dir);
      expect(again.stderr).toContain('the database already has both migrations');
      expect(again.stdout).toBe('');
    });

    it('gencert records the row as cfssl 1.6.5 does; revoke and certinfo find it', async () => {
      const before = Date.now() - 1000;
      const { serial, aki, pem } = issue(cfg);
      const store = await openCertdb(db.config);
      try {
        const [row] = await store.get(serial, aki);
        expect(row).toMatchObject({ serial, authorityKeyId: aki, caLabel: '', status: 'good', reason: 0, revokedAt: null, pem });
        expect(row?.sans).toBe('["a.example","b.example"]');
        expect(row?.commonName).toBe('a.example');
        expect(row?.metadata).toBe('null');
        expect(row?.issuedAt).toBeGreaterThanOrEqual(before);
        expect(row?.expiry).toBeGreaterThan(Date.now() + 300 * 86_400_000);

        const info = runBin('cfssl-ts', ['certinfo', '-db-config', cfg, '-serial', serial, '-aki', aki.toUpperCase()], dir);
        expect(info.status, info.stderr).toBe(0);
        expect(JSON.parse(info.stdout)).toMatchObject({ serial_number: serial, subject: { common_name: 'a.example' } });

        const rev = runBin('cfssl-ts', ['revoke', '-db-config', cfg, '-serial', serial, '-aki', aki, '-reason', 'superseded'], dir);
        expect(rev).toMatchObject({ status: 0, stdout: '' });
        expect((await store.get(serial, aki))[0]).toMatchObject({ status: 'revoked', reason: 4 });
        expect((await store.listRevokedUnexpired()).map((r) => r.serial)).toEqual([serial]);
      } finally {
        await store.close();
      }
    });

    it('revoke: an unknown serial is 11200, reason 0 is 8200 (cfssl\'s default "0" fails), names any case', () => {
      const missing = runBin('cfssl-ts', ['revoke', '-db-config', cfg, '-serial', '1', '-aki', 'ab', '-reason', '1'], dir);
      expect([missing.status, missing.stdout]).toEqual([1, '']);
      expect(missing.stderr).toContain('{"code":11200,"message":"failed to revoke the certificate: certificate not found"}');
      const zero = runBin('cfssl-ts', ['revoke', '-db-config', cfg, '-serial', '1', '-aki', 'ab'], dir);
      expect(zero.stderr).toContain('{"code":8200,"message":"Invalid revocation status"}');
      expect(zero.status).toBe(1);
    });
  });
}

describe('a failed insert issues nothing', () => {
  it('gencert -db-config on a database without the tables: 11000 with the driver text, no certificate', () => {
    writeFileSync(join(dir, 'empty-db.json'), '{"driver":"sqlite3","data_source":"empty.db"}');
    const r = runBin('cfssl-ts', ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', 'empty-db.json', 'leaf.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('{"code":11000,"message":"no such table: certificates"}');
  });

  it("a db-config that cannot be read is cfssl's 5200", () => {
    const r = runBin('cfssl-ts', ['revoke', '-db-config', 'absent.json', '-serial', '1', '-aki', 'ab', '-reason', '1'], dir);
    expect(r.stderr).toContain('{"code":5200,"message":"could not read configuration file"}');
  });
});

describe.skipIf(!hasCfssl)('real cfssl 1.2 on the same SQLite file', () => {
  const cfssl = (args: string[]) => spawnSync('cfssl', args, { cwd: dir, encoding: 'utf8' });

  it('revokes a row cfssl-ts sign wrote; cfssl-ts reads and revokes rows cfssl sign wrote', async () => {
    writeFileSync(join(dir, 'interop.json'), '{"driver":"sqlite3","data_source":"interop.db"}');
    expect(runBin('cfssl-ts', ['certdb', 'migrate', '-db-config', 'interop.json'], dir).status).toBe(0);
    const key = JSON.parse(runBin('cfssl-ts', ['genkey', 'leaf.json'], dir).stdout) as { csr: string };
    writeFileSync(join(dir, 'leaf.csr'), key.csr);

    const ours = runBin('cfssl-ts', ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', 'interop.json', 'leaf.csr'], dir);
    expect(ours.status, ours.stderr).toBe(0);
    const store = await openCertdb({ driver: 'sqlite3', dataSource: join(dir, 'interop.db') });
    try {
      const [row] = await store.list();
      if (row === undefined) throw new Error('no row');
      const revoked = cfssl([
        'revoke',
        '-db-config',
        'interop.json',
        '-serial',
        row.serial,
        '-aki',
        row.authorityKeyId,
        '-reason',
        'keyCompromise',
      ]);
      expect(revoked.status, revoked.stderr).toBe(0);
      expect((await store.get(row.serial, row.authorityKeyId))[0]).toMatchObject({ status: 'revoked', reason: 1 });

      // Debian's cfssl 1.2 records an empty AKI (reference §0.1) and none of the 1.6 columns.
      const theirs = cfssl(['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', 'interop.json', 'leaf.csr']);
      expect(theirs.status, theirs.stderr).toBe(0);
      const other = (await store.list()).find((r) => r.serial !== row.serial);
      expect(other).toMatchObject({ authorityKeyId: '', status: 'good', revokedAt: null, issuedAt: null });
      expect(await store.revoke(other?.serial ?? '', '', 9)).toBe(true);
      const after = (await store.get(other?.serial ?? '', ''))[0];
      expect(after).toMatchObject({ status: 'revoked', reason: 9 });
      // cfssl's certinfo -db-config (1.2 has no such flag set) is answered by cfssl-ts from cfssl's row.
      const info = runBin('cfssl-ts', ['certinfo', '-db-config', 'interop.json', '-serial', row.serial, '-aki', row.authorityKeyId], dir);
      expect(JSON.parse(info.stdout)).toMatchObject({ serial_number: row.serial });
    } finally {
      await store.close();
    }
  });
});
