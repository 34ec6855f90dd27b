// Test databases: a fresh SQLite file, PostgreSQL database or MariaDB database per test, dropped after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DbConfig } from './db-config.js';

/** A database made for one test. */
export interface TestDatabase {
  config: DbConfig;
  drop(): Promise<void>;
}

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };
const MY = { host: '127.0.0.1', port: 3306, user: 'root' };

async function reachable(driver: 'postgres' | 'mysql'): Promise<boolean> {
  try {
    if (driver === 'postgres') {
      const c = new pg.Client(PG);
      await c.connect();
      await c.end();
    } else {
      const c = await mysql.createConnection(MY);
      await c.end();
    }
    return true;
  } catch (e) {
    if (process.env.CI) throw new Error(`${driver} on 127.0.0.1 is required under CI (.ci/run starts it): ${(e as Error).message}`);
    console.warn(`skipping: ${driver} is not reachable on 127.0.0.1 (${(e as Error).message})`);
    return false;
  }
}

/** Whether each driver's server can be used (always true for sqlite3); under CI=true a missing server throws. */
export async function availableDrivers(): Promise<Record<'sqlite3' | 'postgres' | 'mysql', boolean>> {
  return { sqlite3: true, postgres: await reachable('postgres'), mysql: await reachable('mysql') };
}

let counter = 0;

/** Create an empty database for `driver` and say how to drop it. */
export async function createTestDatabase(driver: 'sqlite3' | 'postgres' | 'mysql'): Promise<TestDatabase> {
  const name = `certdb_test_${process.pid}_${Date.now()}_${counter++}`;
  if (driver === 'sqlite3') {
    const dir = mkdtempSync(join(tmpdir(), 'certdb-'));
    return {
      config: { driver, dataSource: join(dir, 'certs.db') },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  if (driver === 'postgres') {
    const c = new pg.Client(PG);
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    return {
      config: { driver, dataSource: `host=127.0.0.1 port=5432 user=postgres dbname=${name} sslmode=disable` },
      async drop() {
        const d = new pg.Client(PG);
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS ${name}`);
        await d.end();
      },
    };
  }
  const c = await mysql.createConnection(MY);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return {
    config: { driver, dataSource: `root@tcp(127.0.0.1:3306)/${name}?parseTime=true` },
    async drop() {
      const d = await mysql.createConnection(MY);
      await d.query(`DROP DATABASE IF EXISTS ${name}`);
      await d.end();
    },
  };
}
