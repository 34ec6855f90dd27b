// One API endpoint as data: its name, methods, whether it is signing work, and its handler.
import type { IssuanceContext, SigningAuthority, SigningPolicy } from '@cfssl-ts/core';
import type { CertificateStore } from '../certificate-store.js';
import type { OcspSigningOptions, ServerLogLevel } from '../cfssl-handler-options.js';
import type { ResponseMessage } from './envelope.js';
import type { ReplayGuard } from './replay-guard.js';

/** What every endpoint shares. */
export interface ServerState {
  authority: SigningAuthority | null;
  policy: SigningPolicy;
  store: CertificateStore | null;
  issuance: IssuanceContext;
  /** The `ocspsign` signer (`-responder`, `-responder-key`), its interval resolved. */
  ocspSigner: Required<OcspSigningOptions> | null;
  /** The bundler's stores (`-ca-bundle`, `-int-bundle`). */
  bundle: { roots: Uint8Array | null; intermediates: Uint8Array | null };
  log: (level: ServerLogLevel, message: string) => void;
  /** authsign's replay protection (`-authsign-max-age`), or null (cfssl: none). */
  replay: ReplayGuard | null;
}

/** One request, its body read. */
export interface EndpointRequest {
  body: Uint8Array;
  text: string;
  query: URLSearchParams;
}

/** A success: the `result` and optional `messages`. */
export interface EndpointResult {
  result: unknown;
  messages?: ResponseMessage[];
}

/** A cfssl api.HTTPHandler. */
export interface Endpoint {
  /** The bare name (`sign`); the path is `/api/v1/cfssl/<name>`. */
  name: string;
  methods: readonly string[];
  /** Counted against the signing-work bound. */
  signing: boolean;
  handle(req: EndpointRequest, state: ServerState): Promise<EndpointResult>;
}
