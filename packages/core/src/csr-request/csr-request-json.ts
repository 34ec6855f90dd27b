// CSR JSON as a JavaScript object: the keys cfssl's csr.CertificateRequest reads.

/** One `names` entry of CSR JSON (cfssl csr.Name). */
export interface CsrNameJson {
  C?: string;
  ST?: string;
  L?: string;
  O?: string;
  OU?: string;
  E?: string;
  SerialNumber?: string;
  /** Extra subject attributes by dotted OID. */
  OID?: Record<string, string>;
}

/** `name_constraints` of CSR JSON `ca` and of a signing profile (Go x509 Permitted and Excluded fields). */
export interface NameConstraintsJson {
  permitted_dns_domains?: string[] | null;
  excluded_dns_domains?: string[] | null;
  /** CIDRs, e.g. `10.0.0.0/8`, `fd00::/8`. */
  permitted_ip_ranges?: string[] | null;
  excluded_ip_ranges?: string[] | null;
  permitted_email_addresses?: string[] | null;
  excluded_email_addresses?: string[] | null;
  permitted_uri_domains?: string[] | null;
  excluded_uri_domains?: string[] | null;
  /** Mark the extension critical (RFC 5280 §4.2.1.10 asks CAs to). */
  critical?: boolean;
}

/**
 * A CSR JSON request as an object, with the keys cfssl writes (Go matches keys case-insensitively, so
 * other spellings decode too); absent keys take cfssl's defaults (key ECDSA P-256).
 */
export interface CsrRequestJson {
  CN?: string;
  names?: CsrNameJson[] | null;
  hosts?: string[] | null;
  key?: { algo?: string; size?: number } | null;
  /** Only `initca` accepts it. */
  ca?: {
    pathlen?: number;
    pathlenzero?: boolean;
    expiry?: string;
    backdate?: string;
    /** cfssl-ts: name constraints of the new CA (docs/cli.md). */
    name_constraints?: NameConstraintsJson | null;
  } | null;
  serialnumber?: string;
  delegation_enabled?: boolean;
  /** `value` is base64 (Go []byte). */
  extensions?: { id: number[]; critical?: boolean; value: string }[] | null;
  crl_url?: string;
}
