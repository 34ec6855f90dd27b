// What the API server is made of: the CA, the signing policy, the store, and its limits.
import type { CertificateAuthority, IssuanceOptions, KeyPair, ParsedCertificate, SigningPolicy } from '@cfssl-ts/core';
import type { CertificateStore } from './certificate-store.js';

/** A log line's level, as cfssl's log package names them. */
export type ServerLogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** What signs `ocspsign`'s responses (cfssl ocsp.StandardSigner: `-ca`, `-responder`, `-responder-key`). */
export interface OcspSigningOptions {
  /** The CA the responses speak for (`-ca`). */
  issuer: ParsedCertificate;
  /** The certificate that signs them (`-responder`), embedded in each response unless it is the issuer. */
  responder: ParsedCertificate;
  /** Its private key (`-responder-key`). */
  responderKey: KeyPair;
  /** nextUpdate − thisUpdate in ms (default 96h, cfssl's `-interval` default). */
  intervalMs?: number;
}

/** Options of {@link createCfsslHandler}. */
export interface CfsslHandlerOptions {
  /** The CA (`-ca`/`-ca-key`); absent or null: cfssl's "signer not initialized" (sign, authsign, info, newcert off). */
  authority?: CertificateAuthority | null;
  /** The signing policy (`-config`); default cfssl's built-in default profile. */
  policy?: SigningPolicy;
  /** The certificate database (`-db-config`); absent: cfssl without a database. */
  store?: CertificateStore | null;
  /** The OCSP signer of `ocspsign`; absent or null: the endpoint is off ("signer not initialized"), as cfssl without `-responder`. */
  ocspSigner?: OcspSigningOptions | null;
  /** Endpoint names to switch off (`-disable`, bare names as cfssl: `sign`, `authsign`, ...). */
  disable?: readonly string[];
  /** Clock, randomness, crypto backend and serial source of every issuance (default: node:crypto, `Date.now`). */
  issuance?: IssuanceOptions;
  /** The `bundle` endpoint's root and intermediate stores (PEM, `-ca-bundle` / `-int-bundle`); default Node's bundled roots (`tls.rootCertificates`) and no intermediates. */
  bundle?: { roots: Uint8Array | null; intermediates?: Uint8Array | null };
  /**
   * The static page at `/` (and `/bundle`, `/scan`, `/packages`): a directory to serve (the built packages/web),
   * or absent for a small built-in page (the server's CA and a certinfo form); `-disable /` turns it off.
   */
  staticDir?: string | null;
  /** Where log lines go (default: nowhere); the access line is `<addr> - "<METHOD> <URL>" <code>` at INFO. */
  log?: (level: ServerLogLevel, message: string) => void;
  /** Largest request body in bytes (default 1 MiB); more is 413 in the envelope. */
  maxBodyBytes?: number;
  /**
   * authsign replay protection in ms (a cfssl-ts extension, default off as in cfssl): the request's `timestamp`
   * must be within this of the server clock, and a token accepted within the window is refused.
   */
  authsignMaxAge?: number | null;
  /** Signing and key generation requests running at once (default 32); more are refused with 503. */
  maxConcurrentSigning?: number;
}
