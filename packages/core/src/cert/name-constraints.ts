// A CA's name constraints as Go's x509.Certificate holds them for CreateCertificate (RFC 5280 §4.2.1.10).
import type { NameConstraintSet } from '../x509/name-constraint-set.js';

/**
 * Name constraints to put on a CA certificate: Go's `PermittedDNSDomains`, `ExcludedDNSDomains`,
 * `PermittedIPRanges` (address already masked, then mask), ... and `PermittedDNSDomainsCritical`.
 * Read from CSR JSON `ca.name_constraints` or a signing profile's `name_constraints`.
 */
export interface NameConstraints extends NameConstraintSet {
  /** Mark the extension critical (Go `PermittedDNSDomainsCritical`; RFC 5280 §4.2.1.10 asks CAs to). */
  critical: boolean;
}

/** True when Go would write the extension: at least one permitted or excluded entry. */
export function hasNameConstraints(nc: NameConstraintSet): boolean {
  return (
    nc.permittedDns.length > 0 ||
    nc.excludedDns.length > 0 ||
    nc.permittedIp.length > 0 ||
    nc.excludedIp.length > 0 ||
    nc.permittedEmail.length > 0 ||
    nc.excludedEmail.length > 0 ||
    nc.permittedUri.length > 0 ||
    nc.excludedUri.length > 0
  );
}
