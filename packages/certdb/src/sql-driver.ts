// What the store asks of a database driver: one query path, `?` placeholders, rows as plain objects.

/** The three SQL dialects cfssl ships migrations for. */
export type SqlDialect = 'sqlite' | 'pg' | 'mysql';

/** One result: the rows a SELECT returned, or the rows an INSERT/UPDATE changed. */
export interface SqlResult {
  rows: Record<string, unknown>[];
  changes: number;
}

/** A connection to one database, as the store uses it (cfssl's sqlx.DB with Rebind). */
export interface SqlDriver {
  readonly dialect: SqlDialect;
  /** Run one statement with `?` placeholders (rebound to `$n` for PostgreSQL). */
  query(sql: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** A value for a timestamp column: ms since epoch, or null for Go's zero time. */
  timestamp(ms: number | null): unknown;
  /** Read a timestamp column back: ms since epoch, or null for NULL and Go's zero time. */
  readTimestamp(value: unknown): number | null;
  close(): Promise<void>;
}

/** Go's zero time (0001-01-01T00:00:00Z) in ms since epoch. */
export const GO_ZERO_TIME_MS = -62135596800000;

/** A column value as text: strings as they are, bytes as UTF-8, numbers in decimal, anything else as JSON. */
export function columnText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  return JSON.stringify(v);
}
