/**
 * `@cfssl-ts/remote`: cfssl's remote signing client. Sends exactly cfssl's `/sign`, `/authsign` (HMAC
 * token envelope) and `/info` requests to a cfssl or cfssl-ts server and reads the answer with cfssl's
 * error codes (7200–7500, 5300). Runs anywhere `fetch` and WebCrypto exist; TLS options (a custom CA,
 * client certificates) come from `@cfssl-ts/remote/node`.
 *
 * @example
 * import { fetchTransport, remoteSign } from '@cfssl-ts/remote';
 * const pem = await remoteSign({ remote: '127.0.0.1:8888', transport: fetchTransport(), request: { certificate_request: csrPem } });
 *
 * @packageDocumentation
 */
export { normalizeRemoteUrl, RemoteUrlError } from './normalize-remote-url.js';
export { parseRemoteGroup } from './parse-remote-group.js';
export { RemoteTransportError, type RemoteHttpResponse, type RemoteTransport } from './remote-transport.js';
export { fetchTransport } from './fetch-transport.js';
export { standardAuthToken } from './standard-auth-token.js';
export { marshalSignRequest, type RemoteSignRequest } from './sign-request-body.js';
export { marshalAuthenticatedRequest } from './authenticated-request-body.js';
export { postToRemote, type RemoteApiResult } from './post-to-remote.js';
export { remoteSign, type RemoteSignOptions } from './remote-sign.js';
export { remoteInfo, type RemoteInfo, type RemoteInfoOptions } from './remote-info.js';
