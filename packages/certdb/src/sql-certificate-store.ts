// cfssl certdb/sql.Accessor: the certificates and ocsp_responses tables over any of the three drivers.
import { CfsslError } from '@cfssl-ts/core';
import type { CertificateRecord, CertificateStore } from '@cfssl-ts/server';
import type { OcspRecord } from './ocsp-record.js';
import { columnText, type SqlDriver, type SqlResult } from './sql-driver.js';

const CERT_COLUMNS =
  'serial_number, authority_key_identifier, ca_label, status, reason, expiry, revoked_at, pem, issued_at, not_before, metadata, sans, common_name';

const text = columnText;

/** jsonb (pg) and JSON (MySQL) come back parsed or as text; cfssl keeps the JSON text. */
const jsonText = (v: unknown): string =>
  v === null || v === undefined ? 'null' : typeof v === 'object' && !(v instanceof Uint8Array) ? JSON.stringify(v) : text(v);

/**
 * The certificate database, with cfssl's SQL (certdb/sql/database_accessor.go) on every driver.
 * Implements `@cfssl-ts/server`'s {@link CertificateStore}, plus what CRLs and OCSP need.
 *
 * @example
 * const store = await openCertdb(parseDbConfig(readFileSync('db-config.json', 'utf8')));
 * await store.revoke('1234', 'abcd', 1);
 * await store.close();
 */
export class SqlCertificateStore implements CertificateStore {
  /** Wrap an open driver; {@link SqlCertificateStore.close} closes it. */
  constructor(readonly driver: SqlDriver) {}

  private async run(sql: string, params: readonly unknown[] = []): Promise<SqlResult> {
    try {
      return await this.driver.query(sql, params);
    } catch (e) {
      // cfssl wrapSQLError: CertStoreError/Unknown with the driver's text.
      throw new CfsslError('ERR_CERT_STORE', 11000, (e as Error).message, { cause: e });
    }
  }

  private toRecord(r: Record<string, unknown>): CertificateRecord {
    const t = (v: unknown) => this.driver.readTimestamp(v);
    return {
      serial: text(r.serial_number),
      authorityKeyId: text(r.authority_key_identifier),
      caLabel: text(r.ca_label),
      status: text(r.status),
      reason: Number(r.reason ?? 0),
      expiry: t(r.expiry) ?? 0,
      revokedAt: t(r.revoked_at),
      pem: text(r.pem),
      issuedAt: t(r.issued_at),
      notBefore: t(r.not_before),
      metadata: jsonText(r.metadata),
      sans: jsonText(r.sans),
      commonName: text(r.common_name),
    };
  }

  /** cfssl InsertCertificate: 0 rows → 11100, a SQL error (duplicate key included) → 11000. */
  async insert(c: CertificateRecord): Promise<void> {
    const ts = (ms: number | null) => this.driver.timestamp(ms);
    const r = await this.run(`INSERT INTO certificates (${CERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      c.serial,
      c.authorityKeyId,
      c.caLabel,
      c.status,
      c.reason,
      ts(c.expiry),
      ts(c.revokedAt),
      c.pem,
      c.issuedAt === null ? null : ts(c.issuedAt),
      c.notBefore === null ? null : ts(c.notBefore),
      c.metadata,
      c.sans,
      c.commonName,
    ]);
    if (r.changes === 0) throw new CfsslError('ERR_CERT_STORE', 11100, 'failed to insert the certificate record');
  }

  /** cfssl GetCertificate: exact, case-sensitive serial and AKI. */
  async get(serial: string, authorityKeyId: string): Promise<CertificateRecord[]> {
    const r = await this.run(`SELECT ${CERT_COLUMNS} FROM certificates WHERE (serial_number = ? AND authority_key_identifier = ?)`, [
      serial,
      authorityKeyId,
    ]);
    return r.rows.map((row) => this.toRecord(row));
  }

  /** cfssl RevokeCertificate: revoked_at = CURRENT_TIMESTAMP; false when no row matched. */
  async revoke(serial: string, authorityKeyId: string, reason: number): Promise<boolean> {
    const r = await this.run(
      "UPDATE certificates SET status='revoked', revoked_at=CURRENT_TIMESTAMP, reason=? WHERE (serial_number = ? AND authority_key_identifier = ?)",
      [reason, serial, authorityKeyId],
    );
    return r.changes > 0;
  }

  /**
   * Whether an {@link SqlCertificateStore.insert} failure is a primary-key clash (same serial and AKI): SQLite
   * `SQLITE_CONSTRAINT_PRIMARYKEY`/`_UNIQUE`, PostgreSQL SQLSTATE 23505, MySQL/MariaDB error 1062.
   */
  isDuplicateKey(err: unknown): boolean {
    const cause = err instanceof CfsslError ? err.cause : err;
    const c = cause as { code?: unknown; errno?: unknown } | null | undefined;
    if (c === null || c === undefined) return false;
    switch (this.driver.dialect) {
      case 'sqlite':
        return c.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || c.code === 'SQLITE_CONSTRAINT_UNIQUE';
      case 'pg':
        return c.code === '23505';
      case 'mysql':
        return c.errno === 1062 || c.code === 'ER_DUP_ENTRY';
    }
  }

  /** Every row. */
  async list(): Promise<CertificateRecord[]> {
    return (await this.run(`SELECT ${CERT_COLUMNS} FROM certificates`)).rows.map((row) => this.toRecord(row));
  }

  /** cfssl GetUnexpiredCertificates (`CURRENT_TIMESTAMP < expiry`), what ocsprefresh signs for. */
  async listUnexpired(): Promise<CertificateRecord[]> {
    const r = await this.run(`SELECT ${CERT_COLUMNS} FROM certificates WHERE CURRENT_TIMESTAMP < expiry`);
    return r.rows.map((row) => this.toRecord(row));
  }

  /** cfssl GetRevokedAndUnexpiredCertificates, what `crl` lists. */
  async listRevokedUnexpired(): Promise<CertificateRecord[]> {
    const r = await this.run(`SELECT ${CERT_COLUMNS} FROM certificates WHERE CURRENT_TIMESTAMP < expiry AND status='revoked'`);
    return r.rows.map((row) => this.toRecord(row));
  }

  private toOcsp(r: Record<string, unknown>): OcspRecord {
    const b = r.body;
    return {
      serial: text(r.serial_number),
      authorityKeyId: text(r.authority_key_identifier),
      body: b instanceof Uint8Array ? new Uint8Array(b) : Buffer.from(columnText(b), 'latin1'),
      expiry: this.driver.readTimestamp(r.expiry) ?? 0,
    };
  }

  /** cfssl GetOCSP: the responses stored for a serial and AKI. */
  async getOcsp(serial: string, authorityKeyId: string): Promise<OcspRecord[]> {
    const r = await this.run(
      'SELECT serial_number, authority_key_identifier, body, expiry FROM ocsp_responses WHERE (serial_number = ? AND authority_key_identifier = ?)',
      [serial, authorityKeyId],
    );
    return r.rows.map((row) => this.toOcsp(row));
  }

  /** cfssl GetUnexpiredOCSPs, what `ocspdump` prints. */
  async listUnexpiredOcsp(): Promise<OcspRecord[]> {
    const r = await this.run(
      'SELECT serial_number, authority_key_identifier, body, expiry FROM ocsp_responses WHERE CURRENT_TIMESTAMP < expiry',
    );
    return r.rows.map((row) => this.toOcsp(row));
  }

  /** cfssl UpsertOCSP: UPDATE, then INSERT when no row changed (InsertOCSP: 0 rows → 11100). */
  async upsertOcsp(o: OcspRecord): Promise<void> {
    const body = Buffer.from(o.body);
    const u = await this.run('UPDATE ocsp_responses SET body = ?, expiry = ? WHERE (serial_number = ? AND authority_key_identifier = ?)', [
      body,
      this.driver.timestamp(o.expiry),
      o.serial,
      o.authorityKeyId,
    ]);
    if (u.changes > 0) return;
    const i = await this.run('INSERT INTO ocsp_responses (serial_number, authority_key_identifier, body, expiry) VALUES (?, ?, ?, ?)', [
      o.serial,
      o.authorityKeyId,
      body,
      this.driver.timestamp(o.expiry),
    ]);
    if (i.changes === 0) throw new CfsslError('ERR_CERT_STORE', 11100, 'failed to insert the OCSP record');
  }

  /** Close the connection or pool. */
  close(): Promise<void> {
    return this.driver.close();
  }
}
