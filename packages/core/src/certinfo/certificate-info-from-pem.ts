// cfssl helpers.ParseCertificatePEM + certinfo: `cfssl certinfo -cert FILE` from the file's bytes.
import { CfsslError } from '../errors/cfssl-error.js';
import { certificateInfoJsonOf } from './certificate-info.js';
import { decodeGoPem } from './_internal/go-pem-decode.js';
import { parseGoCertificate, type GoCertificate } from '../x509/parse-go-certificate.js';
import { pkcs7Certificates } from './_internal/pkcs7-certificates.js';

// Go bytes.TrimSpace (ASCII whitespace; bytes ≥ 0x80 are never trimmed here).
function trimSpace(b: Uint8Array): Uint8Array {
  const ws = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
  let start = 0;
  let end = b.length;
  while (start < end && ws(b[start]!)) start++;
  while (end > start && ws(b[end - 1]!)) end--;
  return b.subarray(start, end);
}

// helpers.ParseOneCertificateFromPEM: the block's DER as a certificate, else as PKCS #7 SignedData.
function certificatesOfBlock(der: Uint8Array): GoCertificate[] {
  try {
    return [parseGoCertificate(der)];
  } catch {
    return pkcs7Certificates(der);
  }
}

/**
 * `cfssl certinfo -cert` for the bytes of a PEM file, as cfssl 1.6.5 computes it (JSON without the
 * final newline). Like cfssl, the PEM label is not checked and one PEM-wrapped PKCS #7 SignedData
 * holding a single certificate is accepted. Errors are cfssl's: 1002 `Failed to decode certificate`
 * (no PEM block), 1003 `Failed to parse certificate`, 1003 `the PEM file should contain only one
 * object` (anything after the first block), 1003 for a PKCS #7 object with several certificates.
 *
 * @example
 * certificateInfoFromPem(new TextEncoder().encode(pemText)); // '{\n  "subject": ...'
 */
export function certificateInfoFromPem(bytes: Uint8Array): string {
  const { block, rest } = decodeGoPem(trimSpace(bytes));
  if (block === null) throw new CfsslError('ERR_CERTIFICATE', 1002);
  let certs: GoCertificate[];
  try {
    certs = certificatesOfBlock(block.bytes);
  } catch (cause) {
    throw new CfsslError('ERR_CERTIFICATE', 1003, undefined, { cause });
  }
  if (rest.length > 0) throw new CfsslError('ERR_CERTIFICATE', 1003, 'the PEM file should contain only one object');
  if (certs.length > 1) {
    throw new CfsslError('ERR_CERTIFICATE', 1003, 'the PKCS7 object in the PEM file should contain only one certificate');
  }
  return certificateInfoJsonOf(certs[0]!);
}
