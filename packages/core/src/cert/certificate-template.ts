// The fields of Go's x509.Certificate that cfssl fills before CreateCertificate.
import type { DistinguishedName } from '../name/distinguished-name.js';
import type { Extension } from './extension.js';
import type { NameConstraints } from './name-constraints.js';
import type { SubjectAltNames } from './subject-alt-names.js';

/** What CreateCertificate encodes (Go x509.Certificate as a template). */
export interface CertificateTemplate {
  serialNumber: bigint;
  subject: DistinguishedName;
  /** DER SubjectPublicKeyInfo of the certified key. */
  subjectPublicKeyInfo: Uint8Array;
  /** ms since epoch; encoded truncated to whole seconds in UTC. */
  notBefore: number;
  notAfter: number;
  /** Go KeyUsage flags (0 = no extension). */
  keyUsage: number;
  /** Dotted EKU OIDs, in order, duplicates kept. */
  extKeyUsage: string[];
  basicConstraintsValid: boolean;
  isCa: boolean;
  maxPathLen: number;
  maxPathLenZero: boolean;
  subjectKeyId: Uint8Array;
  /** Used only when the certificate is self-issued (Go keeps template.AuthorityKeyId then). */
  authorityKeyId: Uint8Array;
  ocspServers: string[];
  issuingCertificateUrls: string[];
  sans: SubjectAltNames;
  crlDistributionPoints: string[];
  /** Go Permitted and Excluded names (and PermittedDNSDomainsCritical); no extension when absent or empty. */
  nameConstraints?: NameConstraints | null;
  /** Appended after the template-derived extensions, in order (cfssl's ExtraExtensions). */
  extraExtensions: Extension[];
}

/** The issuer side of CreateCertificate: the parent's subject bytes and SKI. */
export interface IssuerIdentity {
  /** DER of the parent's subject Name, copied verbatim into the issuer field. */
  subjectRaw: Uint8Array;
  /** The parent's subjectKeyIdentifier, empty when it has none. */
  subjectKeyId: Uint8Array;
}
