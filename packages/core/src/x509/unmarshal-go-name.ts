// Go 1.19 asn1.Unmarshal into a pkix.RDNSequence, as x509.ParseCertificateRequest reads a CSR's subject:
// values of any type are kept (non-strings are not GoStrings), string types are checked by encoding/asn1.
import { unmarshalGoAsn1 } from './_internal/go-asn1-unmarshal.js';
import { RDN_SEQUENCE } from './_internal/go-pkix-asn1-types.js';
import type { GoAttribute } from './go-pkix-name.js';

/** Unmarshal a Name (RDNSequence) from the start of `der`; returns its RDNs and the bytes after it. Throws GoParseError. */
export function unmarshalGoName(der: Uint8Array): { rdns: GoAttribute[][]; rest: Uint8Array } {
  const { value, rest } = unmarshalGoAsn1(der, RDN_SEQUENCE);
  return { rdns: value as GoAttribute[][], rest };
}
