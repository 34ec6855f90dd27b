// cfssl serve's mux: /api/v1/cfssl/<name> endpoints, their enablement (§6.2), method check, envelope, access log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rootCertificates } from 'node:tls';
import { builtinSigningPolicy, resolveIssuanceContext, signingAuthorityOf, type SigningPolicy } from '@cfssl-ts/core';
import { nodeCryptoBackend } from '@cfssl-ts/core/node';
import type { Endpoint, ServerState } from './_internal/endpoint.js';
import { sendHttpError } from './_internal/envelope.js';
import { accessLine, runEndpoint } from './_internal/run-endpoint.js';
import { createWorkLimiter } from './_internal/work-limiter.js';
import { createReplayGuard } from './_internal/replay-guard.js';
import type { CfsslHandlerOptions } from './cfssl-handler-options.js';
import { serveStatic } from './_internal/static-files.js';
import { authsignEndpoint } from './endpoints/authsign.js';
import { bundleEndpoint } from './endpoints/bundle.js';
import { certaddEndpoint } from './endpoints/certadd.js';
import { certinfoEndpoint } from './endpoints/certinfo.js';
import { crlEndpoint } from './endpoints/crl.js';
import { gencrlEndpoint } from './endpoints/gencrl.js';
import { healthEndpoint } from './endpoints/health.js';
import { infoEndpoint } from './endpoints/info.js';
import { initCaEndpoint } from './endpoints/init-ca.js';
import { newcertEndpoint } from './endpoints/newcert.js';
import { newkeyEndpoint } from './endpoints/newkey.js';
import { ocspsignEndpoint } from './endpoints/ocspsign.js';
import { revokeEndpoint } from './endpoints/revoke.js';
import { scaninfoEndpoint } from './endpoints/scaninfo.js';
import { signEndpoint } from './endpoints/sign.js';

/** The API prefix (cfssl api/client V1APIPrefix). */
export const API_PREFIX = '/api/v1/cfssl/';

/** A node:http request listener with the list of what it serves. */
export interface CfsslHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Enabled endpoint names, in cfssl's log order. */
  readonly enabled: readonly string[];
  /** Endpoint name → why it is off (cfssl's `endpoint 'x' is disabled: ...`). */
  readonly disabled: ReadonlyMap<string, string>;
  /** Whether the static page at `/` is served (cfssl's endpoint `/`; `-disable /` turns it off). */
  readonly staticPage: boolean;
}

const profilesOf = (p: SigningPolicy) => [p.defaultProfile, ...p.profiles.values()];

// serve.go's endpoints map, each with cfssl's reason to switch it off.
function whyDisabled(e: Endpoint, state: ServerState): string | null {
  const signer = state.authority !== null;
  switch (e.name) {
    case 'sign':
      if (!signer) return 'signer not initialized';
      return profilesOf(state.policy).some((p) => p.authKey === null) ? null : 'Invalid or unknown policy';
    case 'authsign':
      if (!signer) return 'signer not initialized';
      return profilesOf(state.policy).some((p) => p.authKey !== null) ? null : 'Invalid or unknown policy';
    case 'info':
    case 'newcert':
    case 'gencrl':
      return signer ? null : 'signer not initialized';
    case 'crl':
      if (!signer) return 'signer not initialized';
      return state.store === null ? 'cert db not configured (missing -db-config)' : null;
    case 'ocspsign':
      return state.ocspSigner === null ? 'signer not initialized' : null;
    case 'revoke':
      return state.store === null ? 'cert db not configured (missing -db-config)' : null;
    default:
      return null;
  }
}

const ALL: readonly Endpoint[] = [
  authsignEndpoint,
  infoEndpoint,
  newcertEndpoint,
  crlEndpoint,
  ocspsignEndpoint,
  revokeEndpoint,
  signEndpoint,
  newkeyEndpoint,
  initCaEndpoint,
  certinfoEndpoint,
  healthEndpoint,
  certaddEndpoint,
  bundleEndpoint,
  gencrlEndpoint,
  scaninfoEndpoint,
];

/**
 * cfssl serve's API as a node:http request listener: mount it on `http.createServer` or `https.createServer`.
 * Answers as cfssl 1.6.5 does (envelope, status codes, `http.Error` form, 405, `404 page not found`).
 *
 * @example
 * const handler = createCfsslHandler({ authority: await loadSigningAuthority(caPem, keyPem), policy: parseConfig(cfg).policy });
 * http.createServer(handler).listen(8888, '127.0.0.1');
 */
export function createCfsslHandler(options: CfsslHandlerOptions = {}): CfsslHandler {
  const log = options.log ?? (() => undefined);
  const state: ServerState = {
    authority: options.authority ? signingAuthorityOf(options.authority) : null,
    policy: options.policy ?? builtinSigningPolicy(),
    store: options.store ?? null,
    issuance: resolveIssuanceContext({ backend: nodeCryptoBackend(), ...options.issuance }),
    ocspSigner: options.ocspSigner ? { ...options.ocspSigner, intervalMs: options.ocspSigner.intervalMs ?? 96 * 3_600_000 } : null,
    // Without -ca-bundle cfssl uses the system roots; here Node's bundled Mozilla roots.
    bundle: options.bundle
      ? { roots: options.bundle.roots, intermediates: options.bundle.intermediates ?? null }
      : { roots: new TextEncoder().encode(rootCertificates.join('\n')), intermediates: null },
    log,
    replay: null,
  };
  if (options.authsignMaxAge != null) state.replay = createReplayGuard(options.authsignMaxAge, state.issuance.now);
  const limits = { maxBody: options.maxBodyBytes ?? 1024 * 1024, limiter: createWorkLimiter(options.maxConcurrentSigning ?? 32) };
  const explicitlyOff = new Set(options.disable ?? []);
  const staticPage = !explicitlyOff.has('/');
  const staticDir = options.staticDir ?? null;
  const routes = new Map<string, Endpoint>();
  const enabled: string[] = [];
  const disabled = new Map<string, string>();
  for (const e of ALL) {
    const why = explicitlyOff.has(e.name) ? 'explicitly disabled' : whyDisabled(e, state);
    if (why === null) {
      routes.set(API_PREFIX + e.name, e);
      enabled.push(e.name);
    } else disabled.set(e.name, why);
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const endpoint = routes.get(path);
    if (endpoint === undefined) {
      // The "/" handler (a file server) takes every other path; without it, Go's http.NotFound.
      // Neither logs an access line (cfssl logs only its API handlers).
      if (staticPage && !path.startsWith(API_PREFIX)) void serveStatic(staticDir, req.method ?? 'GET', path, res);
      else sendHttpError(res, 404, '404 page not found\n');
      return;
    }
    void runEndpoint(endpoint, state, req, res, limits).then((code) => log('INFO', accessLine(req, code)));
  };
  return Object.assign(handler, { enabled, disabled, staticPage });
}
