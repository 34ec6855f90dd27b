// The parsed form of cfssl's ca-config.json (cfssl config.Config / SigningProfile).
import type { NameConstraints } from '../cert/name-constraints.js';

/** cfssl CAConstraint: basicConstraints of the issued certificate. */
export interface CaConstraint {
  isCa: boolean;
  maxPathLen: number;
  maxPathLenZero: boolean;
}

/** One qualifier of a certificate policy (`{"Type": "id-qt-cps"|"id-qt-unotice", "Value": ...}`). */
export interface PolicyQualifier {
  type: string;
  value: string;
}

/** One entry of the profile's `Policies` (certificatePolicies extension). */
export interface CertificatePolicy {
  /** Dotted OID, already validated. */
  id: string;
  /** OID arcs as numbers. */
  arcs: number[];
  qualifiers: PolicyQualifier[];
}

/** cfssl CSRWhitelist: when present, only `true` fields are copied from the CSR. */
export interface CsrWhitelist {
  subject: boolean;
  publicKeyAlgorithm: boolean;
  publicKey: boolean;
  signatureAlgorithm: boolean;
  dnsNames: boolean;
  ipAddresses: boolean;
  emailAddresses: boolean;
  uris: boolean;
}

/** A signing profile after cfssl's populate(): durations parsed, whitelist compiled. */
export interface SigningProfile {
  usages: string[];
  /** `issuer_urls`; null when absent/null in JSON (falls back to the default profile at signing). */
  issuerUrls: string[] | null;
  ocspUrl: string;
  crlUrl: string;
  caConstraint: CaConstraint;
  ocspNoCheck: boolean;
  /** The `expiry` string as written (returned by `info`). */
  expiryString: string;
  /** Parsed expiry in nanoseconds (Go time.Duration). */
  expiry: bigint;
  backdateString: string;
  /** Parsed backdate in nanoseconds; 0n means "cfssl's default of 5 minutes". */
  backdate: bigint;
  authKeyName: string;
  prevAuthKeyName: string;
  copyExtensions: boolean;
  remoteName: string;
  authRemote: { remoteName: string; authKeyName: string };
  /** Fixed validity bounds (ms since epoch), null when unset (Go zero time). */
  notBefore: number | null;
  notAfter: number | null;
  nameWhitelistString: string;
  /** Compiled `name_whitelist` (Go RE2 semantics, unanchored), or null. */
  nameWhitelist: RegExp | null;
  ctLogServers: string[];
  /** Dotted OIDs from `allowed_extensions`. */
  allowedExtensions: string[];
  certStore: string;
  lintErrorLevel: number;
  ignoredLints: string[];
  ignoredLintSources: string[];
  policies: CertificatePolicy[];
  csrWhitelist: CsrWhitelist | null;
  /** cfssl-ts: `name_constraints` for the CA certificates an `is_ca` profile issues; null when absent. */
  nameConstraints: NameConstraints | null;
  clientProvidesSerialNumbers: boolean;
  /** Resolved remote server address (from `remotes`), "" for local profiles. */
  remoteServer: string;
  /** Resolved auth key bytes (hex-decoded `auth_keys[auth_key].key`), or null. */
  authKey: Uint8Array | null;
  prevAuthKey: Uint8Array | null;
  remoteAuthKey: Uint8Array | null;
}

/** The `auth_keys` entries. */
export interface AuthKey {
  type: string;
  key: string;
}

/** cfssl config.Config after LoadConfig: the signing policy and its side tables. */
export interface SigningPolicy {
  /** The default profile (cfssl's built-in default when the config has none). */
  defaultProfile: SigningProfile;
  /** True when `signing.default` was absent and the built-in default is used. */
  defaultIsBuiltin: boolean;
  profiles: Map<string, SigningProfile>;
  authKeys: Map<string, AuthKey>;
  remotes: Map<string, string>;
}

/** One problem found in a config, at a dot path such as `signing.profiles.www.expiry`. */
export interface ConfigFinding {
  /** Dot path of the JSON key, e.g. `signing.profiles.www.usages`. */
  path: string;
  message: string;
}

/** A non-fatal finding while loading a config (unknown keys, remote profiles with local settings). */
export type ConfigWarning = ConfigFinding;

/** What parseConfig returns. */
export interface ParsedConfig {
  policy: SigningPolicy;
  warnings: ConfigWarning[];
}
