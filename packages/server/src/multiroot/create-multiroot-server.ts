// multirootca's HTTP(S) server: the multiroot handler under the same timeouts, TLS and graceful stop as serve's.
import type { Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { createNodeServer } from '../_internal/node-server.js';
import type { CfsslTlsOptions } from '../tls-options.js';
import { createMultirootHandler, type MultirootHandler } from './create-multiroot-handler.js';
import type { MultirootHandlerOptions } from './multiroot-handler-options.js';

/** Options of {@link createMultirootServer}. */
export interface MultirootServerOptions extends MultirootHandlerOptions {
  /** ms to receive the request headers (default 10 s). */
  headersTimeout?: number;
  /** ms to receive the whole request (default 30 s). */
  requestTimeout?: number;
  /** HTTPS (`-tls-cert`, `-tls-key`). */
  tls?: CfsslTlsOptions | null;
}

/** A multirootca server and its stop. */
export interface MultirootServer {
  server: Server | HttpsServer;
  handler: MultirootHandler;
  /** Stop accepting, finish in-flight requests; resolves when closed. */
  stop: () => Promise<void>;
}

/**
 * cfssl multirootca as a node server; call `server.listen(port, address)`.
 *
 * @example
 * const { server, stop } = createMultirootServer({ roots, defaultLabel: 'primary' });
 * server.listen(8888);
 */
export function createMultirootServer(options: MultirootServerOptions): MultirootServer {
  const handler = createMultirootHandler(options);
  return { ...createNodeServer(handler, options), handler };
}
