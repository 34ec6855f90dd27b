// A node:http (or node:https) server around the API handler, with limits against slow clients and a graceful stop.
import type { Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { createNodeServer } from './_internal/node-server.js';
import type { CfsslHandlerOptions } from './cfssl-handler-options.js';
import { createCfsslHandler, type CfsslHandler } from './create-cfssl-handler.js';
import type { CfsslTlsOptions } from './tls-options.js';

/** Options of {@link createCfsslServer}: the handler's plus the timeouts and TLS. */
export interface CfsslServerOptions extends CfsslHandlerOptions {
  /** ms to receive the request headers (default 10 s; node:http `headersTimeout`). */
  headersTimeout?: number;
  /** ms to receive the whole request (default 30 s; node:http `requestTimeout`). */
  requestTimeout?: number;
  /** Serve HTTPS (cfssl: both `-tls-cert` and `-tls-key`), optionally with client certificates. */
  tls?: CfsslTlsOptions | null;
}

/** A server and a stop that lets requests in flight finish. */
export interface CfsslServer {
  /** node:http's server, or node:https's with `tls`. */
  server: Server | HttpsServer;
  handler: CfsslHandler;
  /** Stop accepting, finish in-flight requests, close idle connections; resolves when closed. */
  stop: () => Promise<void>;
}

/**
 * An HTTP server answering cfssl's API (HTTPS when `tls` is given); call `server.listen(port, address)`.
 *
 * @example
 * const { server, stop } = createCfsslServer({ authority, policy });
 * server.listen(8888, '127.0.0.1');
 * process.on('SIGTERM', () => void stop());
 */
export function createCfsslServer(options: CfsslServerOptions = {}): CfsslServer {
  const handler = createCfsslHandler(options);
  return { ...createNodeServer(handler, options), handler };
}
