// pkix.Extension: SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } (RFC 5280 §4.1).
import { derBoolean, derOctetString, derOid, derSequence } from '../der/der-writer.js';

/** A raw X.509 extension. */
export interface Extension {
  /** Dotted OID. */
  oid: string;
  critical: boolean;
  /** DER of the extension value (the contents of extnValue). */
  value: Uint8Array;
}

/** Encode an extension; `critical` is omitted when false (DER DEFAULT rule, Go asn1 "optional"). */
export function encodeExtension(ext: Extension): Uint8Array {
  const parts = [derOid(ext.oid)];
  if (ext.critical) parts.push(derBoolean(true));
  parts.push(derOctetString(ext.value));
  return derSequence(parts);
}

/** Extension OIDs used by cfssl's outputs. */
export const EXTENSION_OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  cRLDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  delegationUsage: '1.3.6.1.4.1.44363.44',
  extensionRequest: '1.2.840.113549.1.9.14',
} as const;
