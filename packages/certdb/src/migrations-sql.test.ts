import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations-sql.js';

describe('MIGRATIONS', () => {
  it('is exactly the shipped .sql files', () => {
    for (const d of ['sqlite', 'pg', 'mysql'] as const) {
      const files = ['001_CreateCertificates', '002_AddMetadataToCertificates'].map((f) =>
        readFileSync(new URL(`../migrations/${d}/${f}.sql`, import.meta.url), 'utf8'),
      );
      expect(MIGRATIONS[d]).toEqual(files);
    }
  });

  it("keeps cfssl's types: sqlite blob, pg bytea/timestamptz/jsonb, mysql varbinary(128) and zero-date defaults", () => {
    expect(MIGRATIONS.sqlite[0]).toContain('serial_number            blob NOT NULL');
    expect(MIGRATIONS.pg[0]).toContain('expiry                   timestamptz');
    expect(MIGRATIONS.pg[1]).toContain('ADD COLUMN metadata jsonb');
    expect(MIGRATIONS.mysql[0]).toContain("revoked_at               timestamp DEFAULT '0000-00-00 00:00:00'");
    expect(MIGRATIONS.mysql[0]).toContain('pem                      varbinary(4096) NOT NULL');
  });
});
