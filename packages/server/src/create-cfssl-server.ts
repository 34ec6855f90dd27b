// A node:http server around the API handler, with limits against slow clients and a graceful stop.
import { createServer, type Server } from 'node:http';
import type { CfsslHandlerOptions } from './cfssl-handler-options.js';
import { createCfsslHandler, type CfsslHandler } from './create-cfssl-handler.js';

/** Options of {@link createCfsslServer}: the handler's plus the timeouts. */
export interface CfsslServerOptions extends CfsslHandlerOptions {
  /** ms to receive the request headers (default 10 s; node:http `headersTimeout`). */
  headersTimeout?: number;
  /** ms to receive the whole request (default 30 s; node:http `requestTimeout`). */
  requestTimeout?: number;
}

/** A server and a stop that lets requests in flight finish. */
export interface CfsslServer {
  server: Server;
  handler: CfsslHandler;
  /** Stop accepting, finish in-flight requests, close idle connections; resolves when closed. */
  stop: () => Promise<void>;
}

/**
 * An HTTP server answering cfssl's API; call `server.listen(port, address)`.
 *
 * @example
 * const { server, stop } = createCfsslServer({ authority, policy });
 * server.listen(8888, '127.0.0.1');
 * process.on('SIGTERM', () => void stop());
 */
export function createCfsslServer(options: CfsslServerOptions = {}): CfsslServer {
  const handler = createCfsslHandler(options);
  const server = createServer(
    { headersTimeout: options.headersTimeout ?? 10_000, requestTimeout: options.requestTimeout ?? 30_000 },
    handler,
  );
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeIdleConnections();
    });
  return { server, handler, stop };
}
