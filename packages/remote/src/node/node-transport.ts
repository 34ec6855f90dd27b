// A RemoteTransport on node:http / node:https with cfssl's TLS options (-tls-remote-ca, -mutual-tls-client-cert/-key).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RemoteTransportError, type RemoteTransport } from '../remote-transport.js';

/** TLS settings of {@link nodeTransport}, PEM texts (cfssl helpers.CreateTLSConfig). */
export interface NodeTransportOptions {
  /** CAs to trust instead of the system store (`-tls-remote-ca`). */
  ca?: string | undefined;
  /** Client certificate and key for servers that require one (`-mutual-tls-client-cert`, `-mutual-tls-client-key`). */
  cert?: string | undefined;
  key?: string | undefined;
  /** Give up after this many milliseconds without an answer (cfssl has no default timeout). */
  timeoutMs?: number | undefined;
}

// Go's net and crypto/x509 texts for the failures a user meets most.
function goReason(e: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string }): string {
  const at = e.address === undefined ? '' : ` ${e.address.includes(':') ? `[${e.address}]` : e.address}:${String(e.port)}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `dial tcp${at}: connect: connection refused`;
    case 'ECONNRESET':
      return 'read: connection reset by peer';
    case 'ENOTFOUND':
      return `dial tcp: lookup ${e.hostname ?? ''}: no such host`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'x509: certificate signed by unknown authority';
    default:
      return e.message;
  }
}

/**
 * A transport for Node with cfssl's TLS options; `Connection: close` on every request as cfssl's client does.
 *
 * @example
 * const transport = nodeTransport({ ca: readFileSync('ca.pem', 'utf8') });
 * await remoteInfo({ remote: 'https://ca.example:8888', transport });
 */
export function nodeTransport(options: NodeTransportOptions = {}): RemoteTransport {
  return (url, body) =>
    new Promise((resolve, reject) => {
      const https = url.startsWith('https:');
      const headers = { 'content-type': 'application/json', 'content-length': String(body.byteLength), connection: 'close' };
      const onResponse = (res: IncomingMessage): void => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => {
          reject(new RemoteTransportError(e.message, { cause: e }));
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: new Uint8Array(Buffer.concat(chunks)) });
        });
      };
      const req = https
        ? httpsRequest(url, { method: 'POST', headers, agent: false, ca: options.ca, cert: options.cert, key: options.key }, onResponse)
        : httpRequest(url, { method: 'POST', headers, agent: false }, onResponse);
      req.on('error', (e: NodeJS.ErrnoException) => {
        reject(new RemoteTransportError(goReason(e), { cause: e }));
      });
      if (options.timeoutMs !== undefined) {
        req.setTimeout(options.timeoutMs, () => req.destroy(new Error('Client.Timeout exceeded while awaiting headers')));
      }
      req.end(body);
    });
}
