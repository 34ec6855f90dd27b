// cfssl api.HTTPHandler.ServeHTTP: method check, body, the handler, then the envelope or http.Error; the access line.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotAllowed, statusAndCode } from './api-error.js';
import type { Endpoint, ServerState } from './endpoint.js';
import { errorBody, sendHttpError, sendSuccess, successBody } from './envelope.js';
import { readBody } from './read-body.js';
import type { WorkLimiter } from './work-limiter.js';

/** The bounds every API request runs under. */
export interface EndpointLimits {
  maxBody: number;
  limiter: WorkLimiter;
}

/** Answer `req` with `endpoint` on `state`; resolves with the code the access line shows (200 or the error code). */
export async function runEndpoint(
  endpoint: Endpoint,
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
  limits: EndpointLimits,
): Promise<number> {
  try {
    if (!endpoint.methods.includes(req.method ?? '')) throw methodNotAllowed(req.method ?? '');
    const run = async () => {
      const body = await readBody(req, limits.maxBody);
      const url = new URL(req.url ?? '/', 'http://localhost');
      return endpoint.handle({ body, text: Buffer.from(body).toString('utf8'), query: url.searchParams }, state);
    };
    const out = await (endpoint.signing ? limits.limiter.run(run) : run());
    sendSuccess(res, successBody(out.result, out.messages));
    return 200;
  } catch (err) {
    const { status, code, message } = statusAndCode(err);
    if (status === 413) res.setHeader('Connection', 'close');
    sendHttpError(res, status, errorBody(code, message));
    return code;
  }
}

/** Go's r.RemoteAddr: `host:port`, an IPv6 host in brackets, an IPv4-mapped one as IPv4 (Go's IP.String). */
export function remoteAddrOf(req: Pick<IncomingMessage, 'socket'>): string {
  const raw = req.socket.remoteAddress ?? '';
  const addr = /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(raw) ? raw.slice('::ffff:'.length) : raw;
  return `${addr.includes(':') ? `[${addr}]` : addr}:${String(req.socket.remotePort ?? 0)}`;
}

/** cfssl's access log line: `<addr> - "<METHOD> <URL>" <code>`. */
export function accessLine(req: IncomingMessage, code: number): string {
  return `${remoteAddrOf(req)} - "${req.method ?? ''} ${req.url ?? ''}" ${String(code)}`;
}
