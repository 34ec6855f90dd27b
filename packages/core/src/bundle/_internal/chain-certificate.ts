// A certificate as the bundler needs it: core's Go-faithful parse (raw slices, Go's derived fields,
// name constraints, AIA OCSP, CRL DP) plus its public key.
import { parseCertificate, type ParsedCertificate } from '../../cert/parse-certificate.js';
import { parseSpki, type PublicKeyInfo } from '../../keys/public-key.js';
import type { NameConstraintSet } from '../../x509/name-constraint-set.js';

export type { IpRange, NameConstraintSet } from '../../x509/name-constraint-set.js';

/** One certificate of a bundle or a pool. */
export interface ChainCertificate {
  der: Uint8Array;
  cert: ParsedCertificate;
  /** null for a key algorithm cfssl cannot use (Go: UnknownPublicKeyAlgorithm / DSA). */
  publicKey: PublicKeyInfo | null;
  nameConstraints: NameConstraintSet | null;
  /** Go UnhandledCriticalExtensions is non-empty. */
  unhandledCriticalExtension: boolean;
  /** Go OCSPServer (null when none). */
  ocspServers: string[] | null;
  /** Go CRLDistributionPoints (null when none). */
  crlDistributionPoints: string[] | null;
}

// Extensions Go's certificate parser handles; any other critical one makes Verify fail.
const HANDLED = new Set([
  '2.5.29.14',
  '2.5.29.15',
  '2.5.29.17',
  '2.5.29.19',
  '2.5.29.30',
  '2.5.29.31',
  '2.5.29.32',
  '2.5.29.35',
  '2.5.29.37',
  '1.3.6.1.5.5.7.1.1',
]);
const NAME_CONSTRAINTS = '2.5.29.30';

/** Parse a DER certificate for chain building. Throws on malformed input. */
export function toChainCertificate(der: Uint8Array): ChainCertificate {
  const cert = parseCertificate(der);
  let publicKey: PublicKeyInfo | null = null;
  try {
    publicKey = parseSpki(cert.subjectPublicKeyInfo);
  } catch {
    publicKey = null;
  }
  // Go processExtensions: a critical extension it does not handle (or a nameConstraints form it does not).
  const unhandledCriticalExtension = cert.extensions.some(
    (ext) => ext.critical && (ext.oid === NAME_CONSTRAINTS ? cert.nameConstraintsUnhandled : !HANDLED.has(ext.oid)),
  );
  const nameConstraints = cert.nameConstraints;
  const ocspServers = cert.ocspServers.length === 0 ? null : cert.ocspServers;
  const crlDistributionPoints = cert.crlDistributionPoints.length === 0 ? null : cert.crlDistributionPoints;
  return { der, cert, publicKey, nameConstraints, unhandledCriticalExtension, ocspServers, crlDistributionPoints };
}
