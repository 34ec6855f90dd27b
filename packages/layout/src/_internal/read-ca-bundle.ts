// ca.pem as consumers read a trust file: every CERTIFICATE block (Go x509.CertPool.AppendCertsFromPEM), in order.
import { decodePemBlocks, parseCertificate, type ParsedCertificate } from '@cfssl-ts/core';
import { parseCertificateFile, type Parsed } from './parse-layout-pem.js';

/** One certificate of ca.pem, or the whole file when it holds one (cfssl helpers.ParseCertificatePEM's rules). */
export function readCaBundle(bytes: Uint8Array): Parsed<ParsedCertificate[]> {
  const blocks = decodePemBlocks(new TextDecoder().decode(bytes).trim());
  if (blocks.length <= 1) {
    const one = parseCertificateFile(bytes);
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const certificates: ParsedCertificate[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.label !== 'CERTIFICATE') return { ok: false, reason: `PEM block ${i + 1} is ${block.label}, not CERTIFICATE` };
    try {
      certificates.push(parseCertificate(block.der));
    } catch (error) {
      return { ok: false, reason: `cannot parse certificate ${i + 1}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, value: certificates };
}
