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
  ca?: { pathlen?: number; pathlenzero?: boolean; expiry?: string; backdate?: string } | null;
  serialnumber?: string;
  delegation_enabled?: boolean;
  /** `value` is base64 (Go []byte). */
  extensions?: { id: number[]; critical?: boolean; value: string }[] | null;
  crl_url?: string;
}
