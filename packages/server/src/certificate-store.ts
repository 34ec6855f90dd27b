// The certificate database the API writes and reads (cfssl certdb.Accessor, the part serve uses).

/** One row of cfssl's `certificates` table (certdb.CertificateRecord, reference §6.8). */
export interface CertificateRecord {
  /** Decimal serial number. */
  serial: string;
  /** Lowercase hex of the certificate's authority key identifier. */
  authorityKeyId: string;
  caLabel: string;
  /** `good`, `revoked` or `unknown`. */
  status: string;
  reason: number;
  /** NotAfter, ms since epoch. */
  expiry: number;
  /** ms since epoch; null for cfssl's zero time (not revoked). */
  revokedAt: number | null;
  pem: string;
  /** 1.6 columns: ms since epoch or null. */
  issuedAt: number | null;
  notBefore: number | null;
  /** JSON text of the request metadata (`null` when absent). */
  metadata: string;
  /** JSON text of the DNS names (cfssl stores DNS SANs only). */
  sans: string;
  commonName: string;
}

/**
 * What `cfssl-ts serve` needs of a certificate database. The certdb package implements it; the server
 * works without one exactly as cfssl does without `-db-config`.
 *
 * @example
 * const store: CertificateStore = { insert: async (r) => rows.push(r), get: async (s, a) => rows.filter(...), revoke: ..., list: ..., listRevokedUnexpired: ... };
 * createCfsslHandler({ authority, policy, store });
 */
export interface CertificateStore {
  /** Insert a row; rejects (11000/11100) when it cannot; a sign that cannot record returns no certificate. */
  insert(record: CertificateRecord): Promise<void>;
  /** The rows with this serial and AKI (cfssl GetCertificate: an exact, case-sensitive match). */
  get(serial: string, authorityKeyId: string): Promise<CertificateRecord[]>;
  /** Mark revoked now with `reason`; false when no row matched (cfssl 11200). */
  revoke(serial: string, authorityKeyId: string, reason: number): Promise<boolean>;
  /** Every row, for listings. */
  list(): Promise<CertificateRecord[]>;
  /** The revoked rows the database's clock says are unexpired (cfssl GetRevokedAndUnexpiredCertificates), for `crl`. */
  listRevokedUnexpired(): Promise<CertificateRecord[]>;
  /**
   * Whether `err`, rejected by {@link CertificateStore.insert}, is a duplicate primary key (serial, AKI): the
   * signing endpoints then sign again with a fresh serial instead of answering with it. Absent: never.
   */
  isDuplicateKey?(err: unknown): boolean;
}
