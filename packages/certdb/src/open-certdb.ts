// cfssl certdb/dbconf.DBFromConfig: open the database a db-config names.
import { CfsslError } from '@cfssl-ts/core';
import type { CertdbDriverName, DbConfig } from './db-config.js';
import { SqlCertificateStore } from './sql-certificate-store.js';
import type { SqlDriver } from './sql-driver.js';

/** Open the driver for `config.driver` (`sqlite3`, `postgres`, `mysql`); drivers load on first use. */
export async function openSqlDriver(config: DbConfig): Promise<SqlDriver> {
  try {
    switch (config.driver) {
      case 'sqlite3':
        return (await import('./sqlite-driver.js')).openSqlite(config.dataSource);
      case 'postgres':
        return (await import('./postgres-driver.js')).openPostgres(config.dataSource);
      case 'mysql':
        return (await import('./mysql-driver.js')).openMysql(config.dataSource);
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      // The drivers are optional peer dependencies of the published CLI: install the one you use.
      const pkg = { sqlite3: 'better-sqlite3@12', postgres: 'pg@8', mysql: 'mysql2@3' }[config.driver as CertdbDriverName];
      throw new CfsslError('ERR_CERT_STORE', 11000, `the ${config.driver} driver needs the ${pkg} package (npm install ${pkg})`, {
        cause: e,
      });
    }
    throw new CfsslError('ERR_CERT_STORE', 11000, (e as Error).message, { cause: e });
  }
  // database/sql.Open's message, printed plain by cfssl.
  throw new CfsslError('ERR_INPUT', 0, `sql: unknown driver ${JSON.stringify(config.driver)} (forgotten import?)`);
}

/**
 * Open the certificate store a db-config names.
 *
 * @example
 * const store = await openCertdb({ driver: 'sqlite3', dataSource: 'certs.db' });
 */
export async function openCertdb(config: DbConfig): Promise<SqlCertificateStore> {
  return new SqlCertificateStore(await openSqlDriver(config));
}
