// The inputs of cfssl's local signer Sign (signer.SignRequest).
import type { NameEntry } from '../csr-request/certificate-request-spec.js';

/** cfssl signer.Subject: the subject override of `sign CSR SUBJECT` and the API. */
export interface SubjectOverride {
  CN: string;
  names: NameEntry[];
  SerialNumber: string;
}

/** A raw extension requested through the API (`extensions`), checked against allowed_extensions. */
export interface RequestedExtension {
  oid: string;
  critical: boolean;
  /** Hex-encoded DER value (cfssl's wire form). */
  value: string;
}

/** What to sign and how (cfssl signer.SignRequest). */
export interface SignRequest {
  /** PEM CSR (`CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`). */
  request: string;
  /** When given and non-null, replaces every SAN of the CSR (even when empty); default null: the CSR's SANs. */
  hosts?: readonly string[] | null;
  /** Profile name; absent, empty or unknown selects the default profile (cfssl), unless `strictProfile`. */
  profile?: string;
  /** Refuse a `profile` the policy does not define (ERR_POLICY 5400) instead of cfssl's fallback to the default. */
  strictProfile?: boolean;
  subject?: SubjectOverride | null;
  crlOverride?: string;
  /** Used only with profiles that set ClientProvidesSerialNumbers. */
  serial?: bigint | null;
  extensions?: RequestedExtension[];
  /** 1.6 library: fixed validity overriding the profile (ms since epoch). */
  notBefore?: number | null;
  notAfter?: number | null;
}
