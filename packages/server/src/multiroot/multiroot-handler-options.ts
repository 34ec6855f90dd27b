// What cfssl's multirootca serves: labelled roots, each a CA with its policy, network ACL and certificate store.
import type { CertificateAuthority, IssuanceOptions, SigningPolicy } from '@cfssl-ts/core';
import type { CertificateStore } from '../certificate-store.js';
import type { ServerLogLevel } from '../cfssl-handler-options.js';
import type { NetAcl } from './net-acl.js';

/** One `[label]` of the roots file, loaded. */
export interface MultirootRoot {
  /** `private` and `certificate`. */
  authority: CertificateAuthority;
  /** `config`'s signing policy. */
  policy: SigningPolicy;
  /** `nets`: only clients from these networks may sign with this root; absent: anyone. */
  acl?: NetAcl | null;
  /** `dbconfig`: where issued certificates are recorded. */
  store?: CertificateStore | null;
}

/** Options of {@link createMultirootHandler}. */
export interface MultirootHandlerOptions {
  /** label → root. */
  roots: ReadonlyMap<string, MultirootRoot>;
  /** `-l`: the label of a request that names none. */
  defaultLabel?: string;
  /** Clock, randomness, crypto backend and serial source of every issuance. */
  issuance?: IssuanceOptions;
  log?: (level: ServerLogLevel, message: string) => void;
  /** Where a refused request is dumped (cfssl prints it to stdout); default nowhere. */
  dumpRequest?: (text: string) => void;
  /** Largest request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Signatures running at once (default 32); more are refused with 503. */
  maxConcurrentSigning?: number;
  /** authsign replay protection window in ms (cfssl-ts extension; default off). */
  authsignMaxAge?: number | null;
}
