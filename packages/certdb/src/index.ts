// @cfssl-ts/certdb: cfssl's certificate database on SQLite, PostgreSQL and MySQL/MariaDB.
export { parseDbConfig, type DbConfig, type CertdbDriverName } from './db-config.js';
export { openCertdb, openSqlDriver } from './open-certdb.js';
export { SqlCertificateStore } from './sql-certificate-store.js';
export type { OcspRecord } from './ocsp-record.js';
export type { SqlDriver, SqlDialect, SqlResult } from './sql-driver.js';
export { migrateCertdb, type MigrateResult } from './migrate-certdb.js';
export { MIGRATIONS } from './migrations-sql.js';
export { parsePostgresDsn } from './parse-postgres-dsn.js';
export { parseMysqlDsn, type MysqlDsn } from './parse-mysql-dsn.js';
// The row a signature writes is the server's (one definition for serve and the CLI).
export { certificateRecordFor } from '@cfssl-ts/server';
