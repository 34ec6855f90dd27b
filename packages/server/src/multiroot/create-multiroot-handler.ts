// cfssl cmd/multirootca: authsign over labelled roots with per-label network ACLs, info, Prometheus metrics (§6.6).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCertificate, signingAuthorityOf, resolveIssuanceContext } from '@cfssl-ts/core';
import { nodeCryptoBackend } from '@cfssl-ts/core/node';
import { apiError, statusAndCode } from '../_internal/api-error.js';
import { AUTHENTICATED_REQUEST, tokenMatchesProfile } from '../_internal/authenticated-request.js';
import { badRequestWithGoText, decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint, ServerState } from '../_internal/endpoint.js';
import { errorBody, send, sendHttpError, successBody } from '../_internal/envelope.js';
import { readBody } from '../_internal/read-body.js';
import { createReplayGuard } from '../_internal/replay-guard.js';
import { accessLine, remoteAddrOf, runEndpoint } from '../_internal/run-endpoint.js';
import { signAndRecord } from '../_internal/sign-and-record.js';
import { createWorkLimiter } from '../_internal/work-limiter.js';
import { API_PREFIX } from '../create-cfssl-handler.js';
import { INFO_REQ, infoEndpoint } from '../endpoints/info.js';
import { dumpRequest } from './_internal/dump-request.js';
import { FULL_SIGN_REQUEST, toFullSignRequest } from './_internal/full-sign-request.js';
import type { MultirootHandlerOptions, MultirootRoot } from './multiroot-handler-options.js';
import { createMultirootMetrics, type MultirootMetrics } from './multiroot-metrics.js';

/** A node:http request listener for multirootca's paths. */
export interface MultirootHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** The counters behind `/metrics`. */
  readonly metrics: MultirootMetrics;
}

/** A refusal of multirootca's dispatchRequest: HTTP status, envelope code 1, and cfssl's log detail. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/**
 * cfssl multirootca's handler: `POST /api/v1/cfssl/authsign` (the full SignRequest; `label` picks the root, `-l` by
 * default; refusals in the envelope with code 1), `POST /api/v1/cfssl/info` (`bad label` for an unknown one) and
 * `GET /metrics` (Prometheus text). Every other path is `404 page not found`.
 *
 * @example
 * const handler = createMultirootHandler({ roots: new Map([['primary', { authority, policy }]]), defaultLabel: 'primary' });
 * http.createServer(handler).listen(8888, '127.0.0.1');
 */
export function createMultirootHandler(options: MultirootHandlerOptions): MultirootHandler {
  const log = options.log ?? (() => undefined);
  const dump = options.dumpRequest ?? (() => undefined);
  const defaultLabel = options.defaultLabel ?? '';
  const issuance = resolveIssuanceContext({ backend: nodeCryptoBackend(), ...options.issuance });
  const replay = options.authsignMaxAge == null ? null : createReplayGuard(options.authsignMaxAge, issuance.now);
  const states = new Map<string, { root: MultirootRoot; state: ServerState }>();
  for (const [label, root] of options.roots) {
    const state: ServerState = {
      authority: signingAuthorityOf(root.authority),
      policy: root.policy,
      store: root.store ?? null,
      ocspSigner: null,
      issuance,
      bundle: { roots: null, intermediates: null },
      log,
      replay,
    };
    states.set(label, { root, state });
  }
  const metrics = createMultirootMetrics();
  const limits = { maxBody: options.maxBodyBytes ?? 1024 * 1024, limiter: createWorkLimiter(options.maxConcurrentSigning ?? 32) };

  // info.MultiHandler: the label's signer answers as serve's info does.
  const info: Endpoint = {
    name: 'info',
    methods: ['POST'],
    signing: false,
    handle(req) {
      const r = decodeGoRequest(req.text, INFO_REQ, badRequestWithGoText);
      const picked = states.get(r.Label === '' ? defaultLabel : r.Label);
      if (picked === undefined) {
        log('WARNING', 'request for invalid endpoint');
        return Promise.reject(apiError(400, 'bad label'));
      }
      return infoEndpoint.handle(req, picked.state);
    },
  };

  async function authsign(req: IncomingMessage): Promise<string> {
    if (req.method !== 'POST') throw new Refusal(405, 'only POST is permitted', '');
    const body = await readBody(req, limits.maxBody).catch((e: unknown) => {
      throw new Refusal(statusAndCode(e).status, statusAndCode(e).message, 'while reading request body');
    });
    const outer = decodeGoRequest(Buffer.from(body).toString('utf8'), AUTHENTICATED_REQUEST, (m) => {
      return new Refusal(400, m, 'while unmarshaling request body');
    });
    const inner = outer.Request ?? new Uint8Array(0);
    const js = decodeGoRequest(Buffer.from(inner).toString('utf8'), FULL_SIGN_REQUEST, (m) => {
      return new Refusal(400, m, 'while unmarshalling authenticated request');
    });
    const label = js.Label === '' ? defaultLabel : js.Label;
    const picked = states.get(label);
    const acl = picked?.root.acl ?? null;
    if (acl !== null && !acl.permits(req.socket.remoteAddress ?? '')) {
      throw new Refusal(403, 'not authorised', 'because IP is not whitelisted');
    }
    if (picked === undefined) throw new Refusal(400, 'bad request', `request is for non-existent label ${label}`);
    metrics.request(label);
    const { policy } = picked.state;
    // multirootca looks the profile up itself: a named profile must exist.
    let profile = policy.defaultProfile;
    if (policy.profiles.size > 0 && js.Profile !== '') {
      const named = policy.profiles.get(js.Profile);
      if (named === undefined) throw new Refusal(400, 'invalid profile', `failed to look up profile with name: ${js.Profile}`);
      profile = named;
    }
    if (profile.authKey === null) throw new Refusal(401, 'authorisation required', 'received unauthenticated request');
    if (!tokenMatchesProfile(profile, inner, outer.Token))
      throw new Refusal(400, 'invalid token', 'received authenticated request with invalid token');
    if (replay !== null) {
      try {
        replay.check(outer.Timestamp, outer.Token ?? new Uint8Array(0));
      } catch (e) {
        throw new Refusal(400, e instanceof Error ? e.message : String(e), 'replay protection');
      }
    }
    if (js.Request === '') throw new Refusal(400, 'invalid request', 'empty request');
    let pem: string;
    try {
      if (js.ReturnPrecert) throw new Error('ReturnPrecert is not supported by cfssl-ts');
      const request = toFullSignRequest(js);
      const cert = await limits.limiter.run(() => signAndRecord(request, label, picked.state, js.Metadata));
      pem = cert.pem;
      log(
        'INFO',
        `signature: requester=${remoteAddrOf(req)}, label=${label}, profile=${js.Profile}, serialno=${cert.serialNumber.toString()}`,
      );
      // the parse cfssl does before logging; a certificate we cannot read back is not handed out
      parseCertificate(cert.der);
    } catch (e) {
      metrics.errored(label);
      const { status, message } = statusAndCode(e);
      if (status === 503) throw new Refusal(503, message, 'signing work full');
      throw new Refusal(400, 'bad request', `signature failed: ${message}`);
    }
    return pem;
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === `${API_PREFIX}authsign`) {
      authsign(req).then(
        // No Content-Type set: Go sniffs the JSON as text/plain.
        (pem) => send(res, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, successBody({ certificate: pem })),
        (e: unknown) => {
          const refusal = e instanceof Refusal ? e : new Refusal(500, e instanceof Error ? e.message : String(e), 'internal error');
          metrics.badInput();
          log('ERROR', `[HTTP ${String(refusal.status)}] 1 - ${refusal.message}${refusal.detail === '' ? '' : ` (${refusal.detail})`}`);
          dump(`${dumpRequest(req)}\n`);
          if (refusal.status === 413) res.setHeader('Connection', 'close');
          send(res, refusal.status, { 'Content-Type': 'text/plain; charset=utf-8' }, errorBody(1, refusal.message));
        },
      );
      return;
    }
    if (path === `${API_PREFIX}info`) {
      const any = states.values().next().value?.state;
      if (any === undefined) {
        sendHttpError(res, 400, errorBody(400, 'bad label'));
        return;
      }
      void runEndpoint(info, any, req, res, limits).then((code) => log('INFO', accessLine(req, code)));
      return;
    }
    if (path === '/metrics') {
      send(res, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }, metrics.render());
      return;
    }
    sendHttpError(res, 404, '404 page not found\n');
  };
  return Object.assign(handler, { metrics });
}
