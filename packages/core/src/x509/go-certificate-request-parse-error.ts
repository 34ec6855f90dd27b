// Go's x509.ParseCertificateRequest error text, which cfssl reports for a CSR it cannot parse (9003).
import { GoParseError } from './go-parse-error.js';
import { parseGoCertificateRequest } from './parse-go-certificate-request.js';

/** Go x509.ParseCertificateRequest's error text for `der`, or null when Go would parse it. */
export function goCertificateRequestParseError(der: Uint8Array): string | null {
  try {
    parseGoCertificateRequest(der);
    return null;
  } catch (e) {
    return e instanceof GoParseError ? e.message : null;
  }
}
