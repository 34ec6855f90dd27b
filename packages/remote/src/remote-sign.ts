// cfssl signer/remote Signer.Sign through api/client: /sign, or /authsign with an auth_remote key; ordered fail-over.
import { CfsslError } from '@cfssl-ts/core';
import { marshalAuthenticatedRequest } from './authenticated-request-body.js';
import { parseRemoteGroup } from './parse-remote-group.js';
import { postToRemote } from './post-to-remote.js';
import type { RemoteTransport } from './remote-transport.js';
import { marshalSignRequest, type RemoteSignRequest } from './sign-request-body.js';

/** Options of {@link remoteSign}. */
export interface RemoteSignOptions {
  /** cfssl's remote address: `host[:port]`, `http(s)://host[:port]`, comma-separated for fail-over. */
  remote: string;
  transport: RemoteTransport;
  request: RemoteSignRequest;
  /** The `auth_remote` key (bytes of the hex key): sign through `/authsign` with a token. */
  authKey?: Uint8Array | null;
  /** Unix milliseconds for the authsign `timestamp` (default `Date.now()`). */
  now?: number;
  crypto?: Crypto;
  /** Receives cfssl's ERROR log texts (`http error with <url>`). */
  onError?: (logText: string) => void;
}

function field(result: unknown, name: string): unknown {
  return typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as Record<string, unknown>)[name] : undefined;
}

async function signOnce(base: string, body: string, opts: RemoteSignOptions): Promise<string> {
  if (opts.authKey) {
    // server.authReq: a result that is not an object or lacks a string certificate → 7200.
    const envelope = await marshalAuthenticatedRequest(new TextEncoder().encode(body), opts.authKey, opts.now ?? Date.now(), opts.crypto);
    const { result } = await postToRemote(opts.transport, `${base}/api/v1/cfssl/authsign`, envelope, opts.onError);
    const cert = field(result, 'certificate');
    if (typeof cert !== 'string') throw new CfsslError('ERR_API_CLIENT', 7200);
    return cert;
  }
  const { result } = await postToRemote(opts.transport, `${base}/api/v1/cfssl/sign`, body, opts.onError);
  // server.getResultMap, then server.request (cfssl panics on a missing certificate; cfssl-ts answers 7200).
  if (typeof result !== 'object' || Array.isArray(result)) throw new CfsslError('ERR_API_CLIENT', 7400, 'response is formatted improperly');
  const cert = field(result, 'certificate');
  if (typeof cert !== 'string') throw new CfsslError('ERR_API_CLIENT', 7200);
  if (cert === '') throw new CfsslError('ERR_API_CLIENT', 7400, "response doesn't contain certificate.");
  return cert;
}

/**
 * Have a remote cfssl server sign a CSR; returns the certificate PEM as the server sent it. Each remote of
 * a comma-separated group is tried in order; the last one's error is thrown when all fail.
 *
 * @example
 * const pem = await remoteSign({ remote: '10.0.0.1:8888', transport: fetchTransport(), request: { certificate_request: csrPem, profile: 'peer' } });
 */
export async function remoteSign(opts: RemoteSignOptions): Promise<string> {
  const bases = parseRemoteGroup(opts.remote);
  const body = marshalSignRequest(opts.request);
  let last: unknown;
  for (const base of bases) {
    try {
      return await signOnce(base, body, opts);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
