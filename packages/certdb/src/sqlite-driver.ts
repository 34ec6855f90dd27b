// SQLite through better-sqlite3, storing values as mattn/go-sqlite3 does so cfssl reads the same file.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { columnText, GO_ZERO_TIME_MS, type SqlDriver, type SqlResult } from './sql-driver.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** go-sqlite3 binds time.Time as text `2006-01-02 15:04:05.999999999-07:00` (UTC here: `+00:00`). */
export function formatSqliteTime(ms: number): string {
  const d = new Date(ms);
  const frac = d.getUTCMilliseconds() === 0 ? '' : `.${pad(d.getUTCMilliseconds(), 3).replace(/0+$/, '')}`;
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}+00:00`
  );
}

/** Read the text forms go-sqlite3 accepts (with or without `T`, fraction, zone; CURRENT_TIMESTAMP's is UTC). */
export function parseSqliteTime(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const s = columnText(value).trim();
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?$/.exec(s);
  if (m === null) return null;
  const ms = Math.floor(Number(`0${m[7] ?? ''}`) * 1000);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), ms);
  let t = d.getTime();
  const z = m[8];
  if (z !== undefined && z !== 'Z') {
    const off = (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2))) * 60000;
    t -= z[0] === '+' ? off : -off;
  }
  return t === GO_ZERO_TIME_MS ? null : t;
}

/**
 * The SQLite file named by `data_source`, opened (and created if absent, as go-sqlite3 does) at the first
 * query: like Go's sql.Open, opening never fails, the first statement does.
 */
export function openSqlite(file: string): SqlDriver {
  let db: Database.Database | null = null;
  const connect = (): Database.Database => {
    if (db !== null) return db;
    // go-sqlite3 creates the file but not its directory; its message, not better-sqlite3's.
    if (file !== ':memory:' && !file.startsWith('file:') && !existsSync(dirname(resolve(file)))) {
      throw new Error('unable to open database file: no such file or directory');
    }
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    // go-sqlite3 leaves SQLite's default (foreign keys not enforced; better-sqlite3 turns them on): cfssl
    // ocsprefresh stores a response under the certificate's AKI even for a 1.2 row whose AKI is empty.
    db.pragma('foreign_keys = OFF');
    return db;
  };
  return {
    dialect: 'sqlite',
    query(sql, params = []): Promise<SqlResult> {
      try {
        const stmt = connect().prepare(sql);
        if (stmt.reader) return Promise.resolve({ rows: stmt.all(...params) as Record<string, unknown>[], changes: 0 });
        return Promise.resolve({ rows: [], changes: stmt.run(...params).changes });
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    timestamp: (ms) => formatSqliteTime(ms ?? GO_ZERO_TIME_MS),
    readTimestamp: parseSqliteTime,
    close() {
      db?.close();
      return Promise.resolve();
    },
  };
}
