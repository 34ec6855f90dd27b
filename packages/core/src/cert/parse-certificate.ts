// The certificate view issuance, layout and bundle read: Go's x509.ParseCertificate (x509/parse-go-certificate.ts,
// which decides acceptance and error texts) with cfssl's name and SAN views built from its result (RFC 5280 §4.1).
import { parsedNameOf, type ParsedName } from '../name/parse-name.js';
import { goTimeUnixMillis } from '../x509/go-time.js';
import type { NameConstraintSet } from '../x509/name-constraint-set.js';
import { parseGoCertificate } from '../x509/parse-go-certificate.js';
import type { Extension } from './extension.js';
import { subjectAltNamesOf } from './subject-alt-names-of.js';
import type { SubjectAltNames } from './subject-alt-names.js';

/** A parsed certificate with raw slices and Go's derived fields. */
export interface ParsedCertificate {
  raw: Uint8Array;
  tbs: Uint8Array;
  version: number;
  serialNumber: bigint;
  signatureAlgorithmOid: string;
  issuer: ParsedName;
  subject: ParsedName;
  notBefore: number;
  notAfter: number;
  subjectPublicKeyInfo: Uint8Array;
  extensions: Extension[];
  signature: Uint8Array;
  subjectKeyId: Uint8Array;
  authorityKeyId: Uint8Array;
  basicConstraintsValid: boolean;
  isCa: boolean;
  maxPathLen: number;
  maxPathLenZero: boolean;
  /** Go KeyUsage flags (0 when absent). */
  keyUsage: number;
  /** Dotted EKU OIDs. */
  extKeyUsage: string[];
  sans: SubjectAltNames;
  /** Go's permitted and excluded name constraints; null without a nameConstraints extension. */
  nameConstraints: NameConstraintSet | null;
  /** A nameConstraints form Go does not handle was met (a critical one then fails Go's Verify). */
  nameConstraintsUnhandled: boolean;
  /** The nameConstraints extension is marked critical (Go PermittedDNSDomainsCritical). */
  nameConstraintsCritical: boolean;
  /** Go OCSPServer (AIA id-ad-ocsp URIs). */
  ocspServers: string[];
  /** Go IssuingCertificateURL (AIA id-ad-caIssuers URIs). */
  issuingCertificateUrls: string[];
  /** Go CRLDistributionPoints (fullName URIs). */
  crlDistributionPoints: string[];
}

/** Parse certificate DER as Go's x509.ParseCertificate. Throws GoParseError (a DerError) with Go's message on what Go rejects. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const go = parseGoCertificate(der);
  return {
    raw: go.raw,
    tbs: go.rawTbsCertificate,
    version: go.version,
    serialNumber: go.serialNumber,
    signatureAlgorithmOid: go.signatureAlgorithmOid,
    issuer: parsedNameOf(go.rawIssuer, go.issuerRdns, go.issuer),
    subject: parsedNameOf(go.rawSubject, go.subjectRdns, go.subject),
    notBefore: goTimeUnixMillis(go.notBefore),
    notAfter: goTimeUnixMillis(go.notAfter),
    subjectPublicKeyInfo: go.rawSubjectPublicKeyInfo,
    extensions: go.extensions,
    signature: go.signature,
    subjectKeyId: go.subjectKeyId,
    authorityKeyId: go.authorityKeyId,
    basicConstraintsValid: go.basicConstraintsValid,
    isCa: go.isCa,
    maxPathLen: go.maxPathLen,
    // Go processExtensions: MaxPathLenZero = MaxPathLen == 0.
    maxPathLenZero: go.basicConstraintsValid && go.maxPathLen === 0,
    keyUsage: go.keyUsage,
    extKeyUsage: go.extKeyUsage,
    sans: subjectAltNamesOf(go.subjectAltNames),
    nameConstraints: go.nameConstraints,
    nameConstraintsUnhandled: go.nameConstraintsUnhandled,
    nameConstraintsCritical: go.nameConstraintsCritical,
    ocspServers: go.ocspServers,
    issuingCertificateUrls: go.issuingCertificateUrls,
    crlDistributionPoints: go.crlDistributionPoints,
  };
}
