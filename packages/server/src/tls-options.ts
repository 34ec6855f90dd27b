// cfssl serve's TLS: -tls-cert/-tls-key, -mutual-tls-ca (RequireAndVerifyClientCert), -mutual-tls-cn, -min-tls-version.
import type { SecureVersion } from 'node:tls';

/** HTTPS for {@link createCfsslServer}. */
export interface CfsslTlsOptions {
  /** The server certificate chain, PEM (`-tls-cert`). */
  cert: string | Uint8Array;
  /** Its private key, PEM (`-tls-key`). */
  key: string | Uint8Array;
  /** Client CAs, PEM (`-mutual-tls-ca`): a client certificate is then required and verified. */
  clientCa?: string | Uint8Array | null;
  /** With `clientCa`: the client certificate's CN must match (`-mutual-tls-cn`, unanchored as Go's MatchString), else 403 `Invalid CN`. */
  clientCn?: RegExp | null;
  /** Lowest protocol version (`-min-tls-version`, see {@link tlsVersionFromFlag}); default TLSv1.2. */
  minVersion?: SecureVersion;
}

/** cfssl helpers.StringTLSVersion: `1.0`…`1.3`; anything else is TLS 1.2. */
export function tlsVersionFromFlag(value: string): SecureVersion {
  switch (value) {
    case '1.0':
      return 'TLSv1';
    case '1.1':
      return 'TLSv1.1';
    case '1.3':
      return 'TLSv1.3';
    default:
      return 'TLSv1.2';
  }
}
