/**
 * `@cfssl-ts/remote/node`: the Node transport with cfssl's TLS options (a custom CA, a client certificate).
 *
 * @example
 * import { remoteSign } from '@cfssl-ts/remote';
 * import { nodeTransport } from '@cfssl-ts/remote/node';
 * await remoteSign({ remote: 'https://ca:8888', transport: nodeTransport({ ca }), request: { certificate_request: csr } });
 *
 * @packageDocumentation
 */
export { nodeTransport, type NodeTransportOptions } from './node-transport.js';
