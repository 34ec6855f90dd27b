// PostgreSQL through node-postgres; timestamptz values travel as UTC text.
import pg from 'pg';
import { parsePostgresDsn } from './parse-postgres-dsn.js';
import { columnText, GO_ZERO_TIME_MS, type SqlDriver } from './sql-driver.js';

/** `?` → `$1, $2, ...` (sqlx Rebind for the DOLLAR bindvar type). */
export function rebindDollar(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Connect a pool to the database a lib/pq data source names. */
export function openPostgres(dsn: string): SqlDriver {
  // A database that stops answering (a partition, a hung server) must not hang the server: connections give up
  // after 10 s (or the DSN's connect_timeout) and queries after 30 s, and the pool drops such a client.
  const pool = new pg.Pool({ connectionTimeoutMillis: 10_000, query_timeout: 30_000, keepAlive: true, ...parsePostgresDsn(dsn), max: 4 });
  pool.on('error', () => {}); // an idle client's failure surfaces on the next query instead
  return {
    dialect: 'pg',
    async query(sql, params = []) {
      const r = await pool.query(rebindDollar(sql), params as unknown[]);
      return { rows: r.rows as Record<string, unknown>[], changes: r.rowCount ?? 0 };
    },
    timestamp: (ms) => (ms === null ? '0001-01-01 00:00:00+00' : new Date(ms).toISOString()),
    readTimestamp(value) {
      if (value === null || value === undefined) return null;
      const t = value instanceof Date ? value.getTime() : Date.parse(columnText(value));
      return Number.isNaN(t) || t === GO_ZERO_TIME_MS ? null : t;
    },
    async close() {
      await pool.end();
    },
  };
}
