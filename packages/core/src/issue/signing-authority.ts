// The CA side of cfssl's local signer: a CA certificate and its key, or a key alone for a new root.
import type { WebCrypto } from '../keys/webcrypto-types.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodePemBlocks } from '../pem/pem.js';
import { parseCertificate, type ParsedCertificate } from '../cert/parse-certificate.js';
import type { KeyPair } from '../keys/key-pair.js';
import type { SignedCertificate } from './signed-certificate.js';
import { importPrivateKeyPem, type ImportPrivateKeyOptions } from '../keys/import-private-key.js';

/** A signing key plus, except for a self-signed root being made, its certificate. */
export interface SigningAuthority {
  /** null while issuing a self-signed root (cfssl's `s.ca == nil`). */
  certificate: ParsedCertificate | null;
  key: KeyPair;
}

/**
 * A CA as the issuing functions take it: a {@link SigningAuthority}, or a certificate just made with its key
 * (what {@link initCa} returns, or `{ certificate: await createCertificate(...), key }`).
 *
 * @example
 * const ca = await initCa(parseCsrRequest(caJson));
 * const cert = await signCertificateRequest({ request: csrPem }, policy, ca);
 */
export type CertificateAuthority = SigningAuthority | { readonly certificate: SignedCertificate; readonly key: KeyPair };

const parsedSigned = new WeakMap<SignedCertificate, ParsedCertificate>();

/**
 * The {@link SigningAuthority} of `ca`: as it is when its certificate is parsed (or null), else with its
 * certificate parsed from the DER once (the parse is kept for the next call with the same certificate).
 *
 * @example
 * const authority = signingAuthorityOf(await initCa(parseCsrRequest(caJson)));
 * authority.certificate?.subject.name.commonName;
 */
export function signingAuthorityOf(ca: CertificateAuthority): SigningAuthority {
  const { certificate, key } = ca;
  if (certificate === null || 'subjectPublicKeyInfo' in certificate) return { certificate, key };
  let parsed = parsedSigned.get(certificate);
  if (!parsed) {
    parsed = parseCertificate(certificate.der);
    parsedSigned.set(certificate, parsed);
  }
  return { certificate: parsed, key };
}

/**
 * Parse a CA certificate PEM as cfssl helpers.ParseCertificatePEM: exactly one CERTIFICATE block
 * (1002 when no PEM, 1003 when unparseable or followed by more blocks).
 */
export function parseCaCertificatePem(text: string): ParsedCertificate {
  const blocks = decodePemBlocks(text.trim());
  const first = blocks[0];
  if (!first) throw new CfsslError('ERR_CERTIFICATE', 1002);
  if (blocks.length > 1) throw new CfsslError('ERR_CERTIFICATE', 1003, 'the PEM file should contain only one object');
  try {
    return parseCertificate(first.der);
  } catch (cause) {
    throw new CfsslError('ERR_CERTIFICATE', 1003, undefined, { cause });
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Load a CA certificate and key (cfssl local.NewSignerFromFile), checking that they belong together.
 * `options` names the provider and the password of an encrypted key (as {@link importPrivateKeyPem}).
 *
 * @example
 * const ca = await loadSigningAuthority(caPem, caKeyPem, { crypto: new Crypto() });
 */
export async function loadSigningAuthority(
  caPem: string,
  caKeyPem: string,
  options?: WebCrypto | ImportPrivateKeyOptions,
): Promise<SigningAuthority> {
  const certificate = parseCaCertificatePem(caPem);
  const key = await importPrivateKeyPem(caKeyPem, options);
  if (!bytesEqual(key.spki, certificate.subjectPublicKeyInfo)) {
    // Go x509.CreateCertificate refuses a key that does not match the parent.
    throw new CfsslError('ERR_CERTIFICATE', 1000, "x509: provided PrivateKey doesn't match parent's PublicKey");
  }
  return { certificate, key };
}
