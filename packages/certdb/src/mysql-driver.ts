// MySQL and MariaDB through mysql2; the session runs in UTC and times travel as text.
import mysql from 'mysql2/promise';
import { parseMysqlDsn } from './parse-mysql-dsn.js';
import { columnText, type SqlDriver } from './sql-driver.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD hh:mm:ss` in UTC; Go's zero time is MySQL's zero date, as go-sql-driver/mysql writes it. */
export function formatMysqlTime(ms: number | null): string {
  if (ms === null) return '0000-00-00 00:00:00';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Connect a pool to the database a Go MySQL data source names. */
export function openMysql(dsn: string): SqlDriver {
  const o = parseMysqlDsn(dsn);
  const pool = mysql.createPool({
    ...(o.user !== undefined ? { user: o.user } : {}),
    ...(o.password !== undefined ? { password: o.password } : {}),
    ...(o.socketPath !== undefined ? { socketPath: o.socketPath } : { host: o.host, port: o.port }),
    database: o.database,
    timezone: 'Z',
    dateStrings: true,
    connectionLimit: 4,
  });
  // The 'connection' event hands over the callback-style connection; the SET is queued before any query on
  // it, so CURRENT_TIMESTAMP and TIMESTAMP columns are UTC (a failure shows on the next query).
  pool.pool.on('connection', (c) => {
    c.query("SET time_zone = '+00:00'", () => {});
  });
  return {
    dialect: 'mysql',
    async query(sql, params = []) {
      const [r] = await pool.query(sql, params as unknown[]);
      if (Array.isArray(r)) return { rows: r as Record<string, unknown>[], changes: 0 };
      return { rows: [], changes: (r as { affectedRows: number }).affectedRows };
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
