// The CSR view cfssl's signer reads: Go's x509.ParseCertificateRequest (x509/parse-go-certificate-request.ts,
// which decides acceptance and error texts) plus cfssl's name and SAN views (RFC 2986).
import { EXTENSION_OID, type Extension } from '../cert/extension.js';
import { parseSubjectAltNames } from '../cert/parse-extensions.js';
import type { SubjectAltNames } from '../cert/subject-alt-names.js';
import { parseName, type ParsedName } from '../name/parse-name.js';
import { parseGoCertificateRequest } from '../x509/parse-go-certificate-request.js';

/** A parsed PKCS#10 request with its raw parts. */
export interface ParsedCsr {
  raw: Uint8Array;
  /** DER of CertificationRequestInfo (what the signature covers). */
  info: Uint8Array;
  subject: ParsedName;
  subjectPublicKeyInfo: Uint8Array;
  signatureAlgorithmOid: string;
  signature: Uint8Array;
  /** Extensions of the extensionRequest attribute, in order. */
  extensions: Extension[];
  sans: SubjectAltNames;
}

/** Parse CSR DER as Go's x509.ParseCertificateRequest; throws GoParseError (a DerError) with Go's message (callers map it to cfssl 9003 or similar). */
export function parseCsr(der: Uint8Array): ParsedCsr {
  const go = parseGoCertificateRequest(der);
  const extensions = go.extensions.map((e): Extension => ({ oid: e.id.join('.'), critical: e.critical, value: e.value }));
  const san = extensions.find((e) => e.oid === EXTENSION_OID.subjectAltName);
  return {
    raw: go.raw,
    info: go.rawTbsCertificateRequest,
    subject: parseName(go.rawSubject),
    subjectPublicKeyInfo: go.rawSubjectPublicKeyInfo,
    signatureAlgorithmOid: go.signatureAlgorithmOid,
    signature: go.signature,
    extensions,
    sans: san ? parseSubjectAltNames(san.value) : { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] },
  };
}
