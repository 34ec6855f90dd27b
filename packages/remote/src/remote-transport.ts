// How the client reaches a server: one POST of JSON bytes, answered with a status and body bytes.

/** The answer to one POST. */
export interface RemoteHttpResponse {
  status: number;
  body: Uint8Array;
}

/**
 * Sends `POST url` with `Content-Type: application/json` and `Connection: close` (cfssl's client
 * sets `req.Close`). Rejects with a {@link RemoteTransportError} when no answer arrives.
 */
export type RemoteTransport = (url: string, body: Uint8Array) => Promise<RemoteHttpResponse>;

/**
 * No HTTP answer (refused, reset, TLS failure, timeout). `message` is the reason as Go's net/http would
 * say it where one is known (`dial tcp 127.0.0.1:1: connect: connection refused`), else the runtime's text.
 */
export class RemoteTransportError extends Error {
  override readonly name = 'RemoteTransportError';
  readonly code = 'ERR_REMOTE_TRANSPORT';
}
