// Go's parsed nameConstraints (x509.Certificate Permitted*/Excluded*), RFC 5280 §4.2.1.10.

/** An iPAddress constraint (RFC 5280 §4.2.1.10: address then mask, 4+4 or 16+16 bytes). */
export interface IpRange {
  ip: Uint8Array;
  mask: Uint8Array;
}

/** Go's parsed nameConstraints: DNS/email/URI as strings, IP ranges as address + mask. */
export interface NameConstraintSet {
  permittedDns: string[];
  excludedDns: string[];
  permittedEmail: string[];
  excludedEmail: string[];
  permittedUri: string[];
  excludedUri: string[];
  permittedIp: IpRange[];
  excludedIp: IpRange[];
}
