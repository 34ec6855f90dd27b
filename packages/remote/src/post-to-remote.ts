// cfssl api/client server.post: one POST, then the status, JSON and envelope checks with cfssl's codes.
import { CfsslError } from '@cfssl-ts/core';
import { RemoteTransportError, type RemoteTransport } from './remote-transport.js';

/** A remote's answer that passed cfssl's checks: `success` true and a non-null `result`. */
export interface RemoteApiResult {
  result: unknown;
  messages: unknown;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function apiError(cfsslCode: number, message?: string, cause?: unknown): CfsslError {
  return new CfsslError('ERR_API_CLIENT', cfsslCode, message, cause === undefined ? {} : { cause });
}

/**
 * POST `body` to `url` and check the answer as cfssl's client does: no answer → 7400
 * `failed POST to <url>: Post "<url>": <reason>`; status ≠ 200 → 7400 with the raw body; not JSON → 7200;
 * `success` false or `result` null → 7500 with the first error's message (default text without one).
 * `onHttpError` receives cfssl's `http error with <url>` log text.
 *
 * @example
 * const { result } = await postToRemote(fetchTransport(), 'http://ca:8888/api/v1/cfssl/info', '{"label":"","profile":""}');
 */
export async function postToRemote(
  transport: RemoteTransport,
  url: string,
  body: string | Uint8Array,
  onHttpError?: (logText: string) => void,
): Promise<RemoteApiResult> {
  let status: number;
  let raw: Uint8Array;
  try {
    ({ status, body: raw } = await transport(url, typeof body === 'string' ? encoder.encode(body) : body));
  } catch (e) {
    if (!(e instanceof RemoteTransportError)) throw e;
    throw apiError(7400, `failed POST to ${url}: Post ${JSON.stringify(url)}: ${e.message}`, e);
  }
  const text = decoder.decode(raw);
  if (status !== 200) {
    onHttpError?.(`http error with ${url}`);
    throw apiError(7400, text);
  }
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch (e) {
    // Go's json error text differs from JavaScript's; the code is cfssl's.
    throw apiError(7200, e instanceof Error ? e.message : undefined, e);
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    throw apiError(7200, 'json: cannot unmarshal response into Go value of type api.Response');
  }
  const r = response as Record<string, unknown>;
  if (r.success !== true || r.result === null || r.result === undefined) {
    const errors = Array.isArray(r.errors) ? (r.errors as unknown[]) : [];
    const first = errors[0];
    if (first !== undefined) {
      const message = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).message : undefined;
      throw apiError(7500, typeof message === 'string' ? message : '');
    }
    throw apiError(7500);
  }
  return { result: r.result, messages: r.messages };
}
