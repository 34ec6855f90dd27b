import { CfsslError } from '@cfssl-ts/core';
import { describe, expect, it } from 'vitest';
import { parseDbConfig } from './db-config.js';
import { openCertdb } from './open-certdb.js';
import { parseMysqlDsn } from './parse-mysql-dsn.js';
import { parsePostgresDsn } from './parse-postgres-dsn.js';

function catchError(f: () => unknown): CfsslError {
  try {
    f();
  } catch (e) {
    if (e instanceof CfsslError) return e;
  }
  throw new Error('expected a CfsslError');
}

describe('parseDbConfig', () => {
  it('reads driver and data_source', () => {
    expect(parseDbConfig('{"driver":"sqlite3","data_source":"certs.db"}')).toEqual({ driver: 'sqlite3', dataSource: 'certs.db' });
  });
  it("a missing field is cfssl's 5200 invalid db configuration", () => {
    const e = catchError(() => parseDbConfig('{"driver":"sqlite3"}'));
    expect([e.cfsslCode, e.message]).toEqual([5200, 'invalid db configuration']);
  });
  it('bad JSON is 5200 failed to unmarshal configuration', () => {
    const e = catchError(() => parseDbConfig('{'));
    expect(e.cfsslCode).toBe(5200);
    expect(e.message).toMatch(/^failed to unmarshal configuration: /);
  });
  it("an unknown driver is database/sql's plain message", async () => {
    await expect(openCertdb({ driver: 'x', dataSource: 'y' })).rejects.toThrow('sql: unknown driver "x" (forgotten import?)');
  });
});

describe('DSNs', () => {
  it('lib/pq key=value with quotes, and URLs', () => {
    expect(parsePostgresDsn("dbname=certdb sslmode=disable host=db.example user=cfssl password='a b\\'c' port=5433")).toEqual({
      database: 'certdb',
      host: 'db.example',
      user: 'cfssl',
      password: "a b'c",
      port: 5433,
    });
    expect(parsePostgresDsn('postgres://u@h/db')).toEqual({ connectionString: 'postgres://u@h/db' });
  });
  it('go-sql-driver/mysql forms', () => {
    expect(parseMysqlDsn('user:pa:ss@tcp(db.example:3307)/certdb?parseTime=true')).toMatchObject({
      user: 'user',
      password: 'pa:ss',
      host: 'db.example',
      port: 3307,
      database: 'certdb',
    });
    expect(parseMysqlDsn('root@tcp(localhost:3306)/certdb?parseTime=true')).toMatchObject({ user: 'root', host: 'localhost', port: 3306 });
    expect(parseMysqlDsn('/certdb')).toMatchObject({ host: '127.0.0.1', port: 3306, database: 'certdb' });
    expect(parseMysqlDsn('u@unix(/run/mysqld/mysqld.sock)/certdb')).toMatchObject({ socketPath: '/run/mysqld/mysqld.sock' });
  });
});
