// One HTTP exchange with a server the test started on 127.0.0.1, and that server's start and stop.
import { request, type RequestListener, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A response as received: status, headers (lowercased names), body bytes. */
export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Send `method path` with `headers` and `body` to 127.0.0.1:`port`. */
export function httpExchange(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body: Uint8Array | string = '',
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Listen on 127.0.0.1 with a free port; `close` stops the server. */
export async function listenOnFreePort(
  listener: RequestListener | Server,
): Promise<{ port: number; server: Server; close: () => Promise<void> }> {
  const server = typeof listener === 'function' ? createServer(listener) : listener;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
