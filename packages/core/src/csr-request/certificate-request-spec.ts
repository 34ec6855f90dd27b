// The parsed form of cfssl's CSR JSON (cfssl csr.CertificateRequest).
import type { NameConstraints } from '../cert/name-constraints.js';

/** One entry of `names` (cfssl csr.Name). */
export interface NameEntry {
  C: string;
  ST: string;
  L: string;
  O: string;
  OU: string;
  /** 1.6: emailAddress. */
  E: string;
  /** Accepted but ignored by cfssl (only the top-level `serialnumber` is used). */
  SerialNumber: string;
  /** 1.6: dotted OID -> value, in JSON key order. */
  OID: Array<[oid: string, value: string]>;
}

/** `key` of the CSR JSON after merging into cfssl's default `{ecdsa, 256}`. */
export interface KeySpec {
  algo: string;
  size: number;
}

/** `ca` of the CSR JSON (cfssl csr.CAConfig). */
export interface CaSpec {
  pathlen: number;
  pathlenzero: boolean;
  expiry: string;
  backdate: string;
  /** cfssl-ts: `ca.name_constraints`, checked; null when absent. */
  nameConstraints?: NameConstraints | null;
}

/** A raw extension from the CSR JSON `extensions` (Go pkix.Extension JSON). */
export interface RawExtensionSpec {
  id: number[];
  critical: boolean;
  value: Uint8Array;
}

/** cfssl csr.CertificateRequest. */
export interface CertificateRequestSpec {
  CN: string;
  names: NameEntry[];
  hosts: string[];
  key: KeySpec;
  /** null when the JSON had no `ca` object. */
  ca: CaSpec | null;
  serialnumber: string;
  delegationEnabled: boolean;
  extensions: RawExtensionSpec[];
  crlUrl: string;
}
