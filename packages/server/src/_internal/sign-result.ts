// The result of sign and authsign: `{"certificate": PEM}`, with cfssl's message when a bundle was asked for.
import type { EndpointResult } from './endpoint.js';

/** signhandler.NoBundlerMessage. */
export const NO_BUNDLER_MESSAGE = 'This request requires a bundler, but one is not initialized for the API server.';

/** `{"certificate": pem}`; `bundle` without a bundler succeeds with message 5300 (cfssl's PolicyError/InvalidRequest). */
export function signResult(pem: string, bundle: boolean): EndpointResult {
  const result = { certificate: pem };
  return bundle ? { result, messages: [{ code: 5300, message: NO_BUNDLER_MESSAGE }] } : { result };
}
