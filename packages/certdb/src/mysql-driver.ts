// MySQL and MariaDB through mysql2; the session runs in UTC and times travel as text.
import { parseGoDuration } from '@cfssl-ts/core/go';
import mysql from 'mysql2/promise';
import { parseMysqlDsn, type MysqlDsn } from './parse-mysql-dsn.js';
import { columnText, type SqlDriver } from './sql-driver.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD hh:mm:ss` in UTC; Go's zero time is MySQL's zero date, as go-sql-driver/mysql writes it. */
export function formatMysqlTime(ms: number | null): string {
  if (ms === null) return '0000-00-00 00:00:00';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

// A go-sql-driver duration parameter (`timeout=5s`, `readTimeout=30s`) in ms, else `fallback`.
function durationParam(o: MysqlDsn, name: string, fallback: number): number {
  const v = o.params.get(name);
  const ms = v === undefined ? 0 : Number(parseGoDuration(v) / 1_000_000n);
  return ms > 0 ? ms : fallback;
}

/** Connect a pool to the database a Go MySQL data source names. */
export function openMysql(dsn: string): SqlDriver {
  const o = parseMysqlDsn(dsn);
  // A database that stops answering must not hang the server: dial within `timeout` (default 10 s), each query
  // within `readTimeout` (default 30 s).
  const connectTimeout = durationParam(o, 'timeout', 10_000);
  const queryTimeout = durationParam(o, 'readTimeout', 30_000);
  const pool = mysql.createPool({
    ...(o.user !== undefined ? { user: o.user } : {}),
    ...(o.password !== undefined ? { password: o.password } : {}),
    ...(o.socketPath !== undefined ? { socketPath: o.socketPath } : { host: o.host, port: o.port }),
    database: o.database,
    timezone: 'Z',
    dateStrings: true,
    connectionLimit: 4,
    connectTimeout,
  });
  // The 'connection' event hands over the callback-style connection; the SET is queued before any query on
  // it, so CURRENT_TIMESTAMP and TIMESTAMP columns are UTC (a failure shows on the next query).
  pool.pool.on('connection', (c) => {
    c.query("SET time_zone = '+00:00'", () => {});
  });
  return {
    dialect: 'mysql',
    async query(sql, params = []) {
      const conn = await pool.getConnection();
      let timer: NodeJS.Timeout | undefined;
      try {
        // Our own timer (cleared when the query ends), not mysql2's per-query `timeout`, whose timer outlives a
        // lost connection and holds the process open at shutdown; the timed-out connection is destroyed.
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            conn.destroy();
            reject(new Error(`query timed out after ${queryTimeout} ms`));
          }, queryTimeout);
        });
        const [r] = await Promise.race([conn.query(sql, params as unknown[]), timedOut]);
        if (Array.isArray(r)) return { rows: r as Record<string, unknown>[], changes: 0 };
        return { rows: [], changes: (r as { affectedRows: number }).affectedRows };
      } finally {
        clearTimeout(timer);
        conn.release();
      }
    },
    timestamp: formatMysqlTime,
    readTimestamp(value) {
      if (value === null || value === undefined) return null;
      const s = columnText(value);
      if (s.startsWith('0000-00-00')) return null;
      const t = Date.parse(`${s.replace(' ', 'T')}Z`);
      return Number.isNaN(t) ? null : t;
    },
    async close() {
      await pool.end();
    },
  };
}
