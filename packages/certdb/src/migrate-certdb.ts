// `cfssl-ts certdb migrate`: apply cfssl's two migrations, skipping what the tables already have.
import { MIGRATIONS } from './migrations-sql.js';
import type { SqlDriver } from './sql-driver.js';

/** What {@link migrateCertdb} did: the migrations it applied (none when the schema was current). */
export interface MigrateResult {
  applied: string[];
}

const NAMES = ['001_CreateCertificates', '002_AddMetadataToCertificates'] as const;

/** The columns of `certificates` (empty when the table is absent). */
async function certificateColumns(driver: SqlDriver): Promise<Set<string>> {
  const sql =
    driver.dialect === 'sqlite'
      ? "SELECT name AS column_name FROM pragma_table_info('certificates')"
      : `SELECT column_name AS column_name FROM information_schema.columns WHERE table_name = 'certificates' AND table_schema = ${
          driver.dialect === 'pg' ? 'current_schema()' : 'DATABASE()'
        }`;
  const { rows } = await driver.query(sql);
  return new Set(rows.map((r) => String(r.column_name ?? r.COLUMN_NAME).toLowerCase()));
}

/** Split a migration into statements (cfssl's have no `;` inside a statement). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Bring a database to cfssl 1.6.5's schema: 001 when `certificates` is absent, 002 when it lacks
 * `issued_at` (a database cfssl 1.2 or goose made with 001 only). Running it again changes nothing.
 */
export async function migrateCertdb(driver: SqlDriver): Promise<MigrateResult> {
  const applied: string[] = [];
  const files = MIGRATIONS[driver.dialect];
  for (let i = 0; i < NAMES.length; i++) {
    const columns = await certificateColumns(driver);
    const done = i === 0 ? columns.size > 0 : columns.has('issued_at');
    if (done) continue;
    for (const statement of splitStatements(files[i] as string)) await driver.query(statement);
    applied.push(NAMES[i] as string);
  }
  return { applied };
}
