// cfssl certinfo.ParseCertificateDomain's network half: a TLS handshake without verification, the
// leaf certificate's DER. Errors are worded like Go's net/tls errors where Node lets us tell them apart.
import { isIP } from 'node:net';
import { connect, type PeerCertificate } from 'node:tls';
import { CfsslError } from '@cfssl-ts/core';
import { joinHostPort, splitHostPort } from './split-host-port.js';

/** cfssl's dial timeout (net.Dialer{Timeout: 10 * time.Second}), covering connect and handshake. */
const DIAL_TIMEOUT_MS = 10_000;

function plain(message: string): CfsslError {
  return new CfsslError('ERR_INPUT', 0, message);
}

function dialError(err: NodeJS.ErrnoException, host: string, address: string): CfsslError {
  switch (err.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return plain(`dial tcp: lookup ${host}: no such host`);
    case 'ECONNREFUSED':
      return plain(`dial tcp ${address}: connect: connection refused`);
    case 'ECONNRESET':
      return plain('read: connection reset by peer');
    default:
      return plain(`dial tcp ${address}: ${err.message}`);
  }
}

/**
 * Dial `domain` (`host[:port]`, port 443 when absent, as cfssl does when net.SplitHostPort fails)
 * over TLS without verifying the peer, and return the DER of the first certificate it sends.
 */
export function fetchPeerCertificate(domain: string): Promise<Uint8Array> {
  const [host, port] = splitHostPort(domain) ?? [domain, '443'];
  const address = joinHostPort(host, port);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(port),
      // Go sends SNI only for host names, never for IP literals.
      ...(isIP(host) === 0 && host !== '' ? { servername: host } : {}),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(plain(`dial tcp ${address}: i/o timeout`));
    }, DIAL_TIMEOUT_MS);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      // Node returns an empty object when the peer sent no certificate.
      const peer: Partial<PeerCertificate> = socket.getPeerCertificate(false);
      socket.end();
      if (peer.raw === undefined || peer.raw.length === 0) {
        reject(plain('received no server certificates'));
        return;
      }
      resolve(new Uint8Array(peer.raw));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(dialError(err, host, address));
    });
  });
}
