// A RemoteTransport on the WHATWG fetch API (browsers, Deno, Node's global fetch); no TLS options.
import { RemoteTransportError, type RemoteTransport } from './remote-transport.js';

/**
 * A transport on `fetch`. For a custom CA or a client certificate use `nodeTransport` from
 * `@cfssl-ts/remote/node`, or pass a `fetch` that carries them (e.g. undici's with a `dispatcher`).
 *
 * @example
 * const transport = fetchTransport();
 * await remoteSign({ remote: 'https://ca.example:8888', transport, request: { certificate_request: csrPem } });
 */
export function fetchTransport(fetchImpl: typeof fetch = globalThis.fetch): RemoteTransport {
  return async (url, body) => {
    let res: Response;
    try {
      res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(body) });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
      throw new RemoteTransportError(cause instanceof Error ? cause.message : String(cause), { cause: e });
    }
    return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
  };
}
