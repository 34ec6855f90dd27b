import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateRecord } from '@cfssl-ts/server';
import { migrateCertdb } from './migrate-certdb.js';
import { openCertdb } from './open-certdb.js';
import type { SqlCertificateStore } from './sql-certificate-store.js';
import { availableDrivers, createTestDatabase, type TestDatabase } from './test-databases.test-helper.js';

const drivers = await availableDrivers();
const DAY = 86_400_000;
const now = Math.floor(Date.now() / 1000) * 1000;

function record(serial: string, over: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    serial,
    authorityKeyId: 'a1b2c3',
    caLabel: '',
    status: 'good',
    reason: 0,
    expiry: now + 365 * DAY,
    revokedAt: null,
    pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    issuedAt: now,
    notBefore: now - 60_000,
    metadata: 'null',
    sans: '["a.example","b.example"]',
    commonName: 'a.example',
    ...over,
  };
}

for (const driver of ['sqlite3', 'postgres', 'mysql'] as const) {
  describe.skipIf(!drivers[driver])(`certdb on ${driver}`, () => {
    let db: TestDatabase | undefined;
    let store: SqlCertificateStore | undefined;
    afterEach(async () => {
      await store?.close();
      await db?.drop();
      store = undefined;
      db = undefined;
    });
    async function open(): Promise<SqlCertificateStore> {
      db = await createTestDatabase(driver);
      store = await openCertdb(db.config);
      return store;
    }

    it("migrates both of cfssl's migrations once, then nothing", async () => {
      const s = await open();
      expect((await migrateCertdb(s.driver)).applied).toEqual(['001_CreateCertificates', '002_AddMetadataToCertificates']);
      expect((await migrateCertdb(s.driver)).applied).toEqual([]);
    });

    it('inserts and reads back a row exactly, the AKI match case-sensitive', async () => {
      const s = await open();
      await migrateCertdb(s.driver);
      const r = record('123456789012345678901234567890123456789012345678');
      await s.insert(r);
      expect(await s.get(r.serial, 'a1b2c3')).toEqual([r]);
      expect(await s.get(r.serial, 'A1B2C3')).toEqual([]);
      expect(await s.list()).toEqual([r]);
    });

    it('a duplicate insert is a SQL error: 11000', async () => {
      const s = await open();
      await migrateCertdb(s.driver);
      await s.insert(record('1'));
      await expect(s.insert(record('1'))).rejects.toMatchObject({ code: 'ERR_CERT_STORE', cfsslCode: 11000 });
    });

    it('revokes with CURRENT_TIMESTAMP and reason; unknown serial → false; lists revoked unexpired', async () => {
      const s = await open();
      await migrateCertdb(s.driver);
      await s.insert(record('10'));
      await s.insert(record('11'));
      await s.insert(record('12', { expiry: now - DAY }));
      expect(await s.revoke('10', 'a1b2c3', 1)).toBe(true);
      expect(await s.revoke('12', 'a1b2c3', 4)).toBe(true);
      expect(await s.revoke('13', 'a1b2c3', 1)).toBe(false);
      const [row] = await s.get('10', 'a1b2c3');
      expect(row).toMatchObject({ status: 'revoked', reason: 1 });
      expect(Math.abs((row?.revokedAt ?? 0) - Date.now())).toBeLessThan(120_000);
      expect((await s.listRevokedUnexpired()).map((x) => x.serial)).toEqual(['10']);
      expect((await s.listUnexpired()).map((x) => x.serial).sort()).toEqual(['10', '11']);
    });

    it('upserts OCSP responses and lists the unexpired ones', async () => {
      const s = await open();
      await migrateCertdb(s.driver);
      await s.insert(record('20'));
      await s.insert(record('21'));
      await s.upsertOcsp({ serial: '20', authorityKeyId: 'a1b2c3', body: new Uint8Array([0x30, 0x03, 0, 0xff]), expiry: now + DAY });
      await s.upsertOcsp({ serial: '20', authorityKeyId: 'a1b2c3', body: new Uint8Array([0x30, 0x01, 0x80]), expiry: now + 2 * DAY });
      await s.upsertOcsp({ serial: '21', authorityKeyId: 'a1b2c3', body: new Uint8Array([1]), expiry: now - DAY });
      expect(await s.getOcsp('20', 'a1b2c3')).toEqual([
        { serial: '20', authorityKeyId: 'a1b2c3', body: new Uint8Array([0x30, 0x01, 0x80]), expiry: now + 2 * DAY },
      ]);
      expect((await s.listUnexpiredOcsp()).map((o) => o.serial)).toEqual(['20']);
    });

    it('without the tables every query fails with 11000 and the driver text', async () => {
      const s = await open();
      await expect(s.get('1', 'a')).rejects.toMatchObject({ cfsslCode: 11000 });
    });
  });
}
