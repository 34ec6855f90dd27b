// The node:http or node:https server under an API handler: timeouts against slow clients, TLS, mutual TLS, a graceful stop.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { TLSSocket } from 'node:tls';
import type { ServerLogLevel } from '../cfssl-handler-options.js';
import type { CfsslTlsOptions } from '../tls-options.js';
import { sendHttpError } from './envelope.js';

/** What the server needs besides its request listener. */
export interface NodeServerOptions {
  /** ms to receive the request headers (default 10 s). */
  headersTimeout?: number;
  /** ms to receive the whole request (default 30 s). */
  requestTimeout?: number;
  tls?: CfsslTlsOptions | null;
  log?: (level: ServerLogLevel, message: string) => void;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const pem = (v: string | Uint8Array): string => (typeof v === 'string' ? v : Buffer.from(v).toString('utf8'));

// r.TLS.PeerCertificates[0].Subject.CommonName; null without a client certificate.
function clientCn(req: IncomingMessage): string | null {
  const socket = req.socket;
  if (!(socket instanceof TLSSocket)) return null;
  // An empty object when the client sent no certificate.
  const peer: { subject?: { CN?: unknown } } = socket.getPeerCertificate();
  const cn = peer.subject?.CN;
  if (typeof cn === 'string') return cn;
  // Several CN attributes come as an array: Go takes the first.
  const first: unknown = Array.isArray(cn) ? cn[0] : null;
  return typeof first === 'string' ? first : null;
}

// serve.go: with -mutual-tls-cn every request's first peer certificate CN must match, else 403 "Invalid CN".
function requireClientCn(pattern: RegExp, handler: Listener, options: NodeServerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const name = clientCn(req);
    if (typeof name === 'string' && pattern.test(name)) {
      handler(req, res);
      return;
    }
    if (typeof name === 'string') {
      options.log?.('WARNING', `Rejected client cert CN "${name}" does not match regex ${pattern.source}`);
    }
    sendHttpError(res, 403, 'Invalid CN\n');
  };
}

/** A server around `handler` (HTTPS with `tls`) and a stop that lets requests in flight finish. */
export function createNodeServer(
  handler: Listener,
  options: NodeServerOptions,
): { server: Server | HttpsServer; stop: () => Promise<void> } {
  const limits = { headersTimeout: options.headersTimeout ?? 10_000, requestTimeout: options.requestTimeout ?? 30_000 };
  const tls = options.tls ?? null;
  let server: Server | HttpsServer;
  if (tls === null) {
    server = createServer(limits, handler);
  } else {
    const mutual = tls.clientCa != null;
    const listener = mutual && tls.clientCn ? requireClientCn(tls.clientCn, handler, options) : handler;
    server = createHttpsServer(
      {
        ...limits,
        cert: pem(tls.cert),
        key: pem(tls.key),
        minVersion: tls.minVersion ?? 'TLSv1.2',
        ...(mutual ? { ca: pem(tls.clientCa!), requestCert: true, rejectUnauthorized: true } : {}),
      },
      listener,
    );
  }
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeIdleConnections();
    });
  return { server, stop };
}
