// What every issuance returns.

/** The signed certificate. */
export interface SignedCertificate {
  der: Uint8Array;
  pem: string;
  serialNumber: bigint;
  /** ms since epoch. */
  notBefore: number;
  notAfter: number;
}
