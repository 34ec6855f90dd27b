// cfssl certdb/dbconf: the db-config JSON file `{"driver": ..., "data_source": ...}`.
import { CfsslError } from '@cfssl-ts/core';

/** The drivers cfssl knows (Go `database/sql` driver names). */
export type CertdbDriverName = 'sqlite3' | 'postgres' | 'mysql';

/** A parsed db-config file (cfssl dbconf.DBConfig). */
export interface DbConfig {
  driver: string;
  dataSource: string;
}

/**
 * Parse the text of a db-config file as cfssl dbconf.LoadFile does: a JSON object with string fields
 * `driver` and `data_source`, both non-empty.
 *
 * @throws CfsslError 5200 `failed to unmarshal configuration: ...` or `invalid db configuration`
 */
export function parseDbConfig(text: string): DbConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CfsslError('ERR_CONFIG', 5200, `failed to unmarshal configuration: ${(e as Error).message}`);
  }
  const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const driver = typeof o.driver === 'string' ? o.driver : '';
  const dataSource = typeof o.data_source === 'string' ? o.data_source : '';
  if (driver === '' || dataSource === '') throw new CfsslError('ERR_CONFIG', 5200, 'invalid db configuration');
  return { driver, dataSource };
}
