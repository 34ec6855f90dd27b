// lib/pq's data source forms: `key=value ...` (quoted values allowed) or a postgres:// URL.
import type { ClientConfig } from 'pg';

/**
 * Turn a lib/pq data source (`dbname=certdb sslmode=disable host=... user=...` or `postgres://...`) into
 * node-postgres options. `sslmode=disable` turns TLS off; any other mode asks for TLS.
 */
export function parsePostgresDsn(dsn: string): ClientConfig {
  if (/^postgres(ql)?:\/\//.test(dsn)) return { connectionString: dsn };
  const kv = new Map<string, string>();
  // lib/pq parseOpts: key = value, value optionally single-quoted with backslash escapes.
  const re = /\s*([^=\s]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S*))/g;
  for (let m = re.exec(dsn); m !== null; m = re.exec(dsn)) {
    kv.set(m[1] as string, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  const config: ClientConfig = {};
  const host = kv.get('host');
  if (host !== undefined) config.host = host;
  const port = kv.get('port');
  if (port !== undefined) config.port = Number(port);
  const user = kv.get('user');
  if (user !== undefined) config.user = user;
  const password = kv.get('password');
  if (password !== undefined) config.password = password;
  const dbname = kv.get('dbname');
  if (dbname !== undefined) config.database = dbname;
  // lib/pq connect_timeout: seconds (0 or absent: the driver's default, see postgres-driver.ts).
  const connectTimeout = Number(kv.get('connect_timeout') ?? '0');
  if (Number.isFinite(connectTimeout) && connectTimeout > 0) config.connectionTimeoutMillis = connectTimeout * 1000;
  const sslmode = kv.get('sslmode');
  if (sslmode !== undefined && sslmode !== 'disable')
    config.ssl = { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' };
  return config;
}
