// Reading the PEM files of a layout with core's parsers; failures become one-line reasons.
import {
  CfsslError,
  decodeFirstPem,
  importPrivateKeyPem,
  parseCaCertificatePem,
  parseCsr,
  type KeyPair,
  type ParsedCertificate,
  type ParsedCsr,
  type WebCrypto,
} from '@cfssl-ts/core';

/** A parsed value, or why it could not be parsed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function reasonOf(error: unknown): string {
  if (error instanceof CfsslError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A certificate file: exactly one CERTIFICATE block (cfssl helpers.ParseCertificatePEM). */
export function parseCertificateFile(bytes: Uint8Array): Parsed<ParsedCertificate> {
  try {
    return { ok: true, value: parseCaCertificatePem(text(bytes)) };
  } catch (error) {
    return { ok: false, reason: `cannot parse the certificate: ${reasonOf(error)}` };
  }
}

/** A private key file in any form cfssl reads (PKCS#1, SEC1, PKCS#8, cfssl Ed25519). */
export async function parseKeyFile(bytes: Uint8Array, crypto: WebCrypto): Promise<Parsed<KeyPair>> {
  try {
    return { ok: true, value: await importPrivateKeyPem(text(bytes), crypto) };
  } catch (error) {
    return { ok: false, reason: `cannot parse the private key: ${reasonOf(error)}` };
  }
}

/** A CSR file: the first PEM block, a CERTIFICATE REQUEST. */
export function parseCsrFile(bytes: Uint8Array): Parsed<ParsedCsr> {
  const block = decodeFirstPem(text(bytes));
  if (block === null || (block.label !== 'CERTIFICATE REQUEST' && block.label !== 'NEW CERTIFICATE REQUEST')) {
    return { ok: false, reason: 'no CERTIFICATE REQUEST PEM block' };
  }
  try {
    return { ok: true, value: parseCsr(block.der) };
  } catch (error) {
    return { ok: false, reason: `cannot parse the CSR: ${reasonOf(error)}` };
  }
}
