// A duplicate (serial, AKI) insert is re-signed with a fresh serial, never answered with the database's
// duplicate-key error: randomness injected to repeat a serial, on real SQLite, PostgreSQL and MariaDB.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCertdb, type SqlCertificateStore } from '@cfssl-ts/certdb';
import { decodeFirstPem, loadSigningAuthority, parseCertificate, parseConfig, type RandomSource } from '@cfssl-ts/core';
import { createCfsslHandler } from '@cfssl-ts/server';
import { httpExchange, listenOnFreePort } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { migrateCertdb } from '@cfssl-ts/certdb';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../../packages/certdb/src/test-databases.test-helper.js';

const input = (name: string) => readFileSync(fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name), 'utf8');
const drivers = await availableDrivers();
const authority = await loadSigningAuthority(input('ca.pem'), input('ca-key.pem'));
const policy = parseConfig(input('config.json')).policy;
const csr = input('leaf.csr');

/** 20-byte draws: `script[i]` for the i-th draw (then the last one again), each a constant byte. */
function scriptedRandom(script: number[]): RandomSource {
  let i = 0;
  return (length) => new Uint8Array(length).fill(script[Math.min(i++, script.length - 1)]!);
}
const serialOf = (byte: number) =>
  BigInt(`0x${(byte & 0x7f).toString(16).padStart(2, '0')}${byte.toString(16).padStart(2, '0').repeat(19)}`);

let db: TestDatabase | null = null;
let store: SqlCertificateStore | null = null;
afterEach(async () => {
  await store?.close();
  await db?.drop();
  store = null;
  db = null;
});

async function serverOn(driver: 'sqlite3' | 'postgres' | 'mysql', random: RandomSource, log: string[]) {
  db = await createTestDatabase(driver);
  store = await openCertdb(db.config);
  await migrateCertdb(store.driver);
  const handler = createCfsslHandler({ authority, policy, store, issuance: { random }, log: (level, m) => log.push(`${level} ${m}`) });
  return listenOnFreePort(handler);
}

async function sign(port: number, extra: Record<string, unknown> = {}) {
  const r = await httpExchange(port, 'POST', '/api/v1/cfssl/sign', {}, JSON.stringify({ certificate_request: csr, ...extra }));
  return {
    status: r.status,
    body: JSON.parse(r.body.toString('utf8')) as {
      success: boolean;
      result: { certificate?: string } | null;
      errors: { code: number; message: string }[];
    },
  };
}

describe.each(['sqlite3', 'postgres', 'mysql'] as const)('duplicate serial retry on %s', (driver) => {
  it.skipIf(!drivers[driver])('signs again with a fresh serial when the drawn serial is already recorded', async () => {
    const log: string[] = [];
    // Draws: A (first request), A again (second request: a clash), then B.
    const s = await serverOn(driver, scriptedRandom([0x11, 0x11, 0x22]), log);
    try {
      const first = await sign(s.port);
      const second = await sign(s.port);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      const serials = [first, second].map((r) => parseCertificate(decodeFirstPem(r.body.result!.certificate!)!.der).serialNumber);
      expect(serials).toEqual([serialOf(0x11), serialOf(0x22)]);
      // Every certificate returned is a row, and only those.
      const rows = await store!.list();
      expect(rows.map((r) => r.serial).sort()).toEqual(serials.map(String).sort());
      const aki = rows[0]!.authorityKeyId;
      expect((await store!.get(String(serials[1]), aki))[0]!.pem).toBe(second.body.result!.certificate);
      expect(log.filter((l) => l.startsWith('WARNING'))).toEqual([
        `WARNING serial number ${serialOf(0x11)} is already in the database; signing again with a new serial`,
      ]);
    } finally {
      await s.close();
    }
  });

  it.skipIf(!drivers[driver])('gives up after 3 clashes with 11000, without the duplicate-key text and without a certificate', async () => {
    const log: string[] = [];
    const s = await serverOn(driver, scriptedRandom([0x33]), log);
    try {
      expect((await sign(s.port)).status).toBe(200);
      const r = await sign(s.port);
      expect(r).toEqual({
        status: 400,
        body: {
          success: false,
          result: null,
          errors: [{ code: 11000, message: 'certificate not recorded: serial number already in the database after 3 attempts' }],
          messages: [],
        },
      });
      expect(log.filter((l) => l.startsWith('INFO signed certificate'))).toHaveLength(4);
      expect(await store!.list()).toHaveLength(1);
      expect((await httpExchange(s.port, 'GET', '/api/v1/cfssl/health')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it.skipIf(!drivers[driver])(
    "a serial the client provides (ClientProvidesSerialNumbers) is not redrawn: the database's 11000",
    async () => {
      const log: string[] = [];
      const s = await serverOn(driver, scriptedRandom([0x44, 0x55]), log);
      try {
        expect((await sign(s.port, { profile: 'fixedserial', serial: 12345 })).status).toBe(200);
        const r = await sign(s.port, { profile: 'fixedserial', serial: 12345 });
        expect(r.status).toBe(400);
        expect(r.body.errors[0]!.code).toBe(11000);
        // The driver's own text, as cfssl returns it (sqlite3: UNIQUE constraint failed...).
        expect(r.body.errors[0]!.message).toMatch(/UNIQUE constraint failed|duplicate key|Duplicate entry/);
        expect(log.filter((l) => l.startsWith('INFO signed certificate'))).toHaveLength(2);
        expect(await store!.list()).toHaveLength(1);
      } finally {
        await s.close();
      }
    },
  );
});
