// SubjectAltName GeneralNames as Go x509.marshalSANs writes them: DNS, email, IP, URI (RFC 5280 §4.2.1.6).
import { derContextPrimitive, derSequence, utf8 } from '../der/der-writer.js';
import { ipToSanBytes } from '../go/parse-ip.js';
import { CfsslError } from '../errors/cfssl-error.js';

/** The SAN lists of a certificate or CSR, each in input order. */
export interface SubjectAltNames {
  dnsNames: string[];
  emailAddresses: string[];
  /** 4- or 16-byte addresses. */
  ipAddresses: Uint8Array[];
  uris: string[];
}

export function emptySans(): SubjectAltNames {
  return { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] };
}

export function hasSans(s: SubjectAltNames): boolean {
  return s.dnsNames.length + s.emailAddresses.length + s.ipAddresses.length + s.uris.length > 0;
}

function ia5(value: string): Uint8Array {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) {
      // Go x509.isIA5String
      throw new CfsslError('ERR_CERTIFICATE', 1000, `x509: ${JSON.stringify(value)} cannot be encoded as an IA5String`);
    }
  }
  return utf8(value);
}

/** DER GeneralNames for the SAN extension value. */
export function encodeSubjectAltNames(sans: SubjectAltNames): Uint8Array {
  const names: Uint8Array[] = [];
  for (const d of sans.dnsNames) names.push(derContextPrimitive(2, ia5(d)));
  for (const e of sans.emailAddresses) names.push(derContextPrimitive(1, ia5(e)));
  for (const ip of sans.ipAddresses) names.push(derContextPrimitive(7, ipToSanBytes(ip)));
  for (const u of sans.uris) names.push(derContextPrimitive(6, ia5(u)));
  return derSequence(names);
}
