// One row of cfssl's `ocsp_responses` table (certdb.OCSPRecord).

/** A pre-signed OCSP response as cfssl stores it. */
export interface OcspRecord {
  /** Decimal serial number. */
  serial: string;
  /** Lowercase hex authority key identifier. */
  authorityKeyId: string;
  /** DER of the OCSP response. */
  body: Uint8Array;
  /** When the response stops being served, ms since epoch. */
  expiry: number;
}
