// The CSR view cfssl's signer reads: Go's x509.ParseCertificateRequest (x509/parse-go-certificate-request.ts,
// which decides acceptance and error texts) with cfssl's name and SAN views built from its result (RFC 2986).
import type { Extension } from '../cert/extension.js';
import { dottedOid } from '../der/der-primitives.js';
import type { SubjectAltNames } from '../cert/subject-alt-names.js';
import { subjectAltNamesOf } from '../cert/subject-alt-names-of.js';
import { parsedNameOf, type ParsedName } from '../name/parse-name.js';
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
  const extensions = go.extensions.map((e): Extension => ({ oid: dottedOid(e.id), critical: e.critical, value: e.value }));
  return {
    raw: go.raw,
    info: go.rawTbsCertificateRequest,
    subject: parsedNameOf(go.rawSubject, go.subjectRdns, go.subject),
    subjectPublicKeyInfo: go.rawSubjectPublicKeyInfo,
    signatureAlgorithmOid: go.signatureAlgorithmOid,
    signature: go.signature,
    extensions,
    sans: subjectAltNamesOf(go.subjectAltNames),
  };
}
