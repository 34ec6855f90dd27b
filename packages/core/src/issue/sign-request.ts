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
  /** When non-null, replaces every SAN of the CSR (even when empty). */
  hosts: string[] | null;
  /** Profile name; unknown or empty selects the default profile. */
  profile: string;
  subject?: SubjectOverride | null;
  crlOverride?: string;
  /** Used only with profiles that set ClientProvidesSerialNumbers. */
  serial?: bigint | null;
  extensions?: RequestedExtension[];
  /** 1.6 library: fixed validity overriding the profile (ms since epoch). */
  notBefore?: number | null;
  notAfter?: number | null;
}
