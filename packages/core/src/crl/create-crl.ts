// Go x509 Certificate.CreateCRL, as cfssl gencrl uses it (RFC 5280 §5; reference §2.10), plus an
// optional CRL Number (RFC 5280 §5.2.3), a cfssl-ts extension.
import { CfsslError } from '../errors/cfssl-error.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { encodeExtension, EXTENSION_OID, type Extension } from '../cert/extension.js';
import { derBitString, derContextConstructed, derContextPrimitive, derInteger, derSequence } from '../der/der-writer.js';
import { derTime } from '../der/der-time.js';
import { encodeName } from '../name/encode-name.js';
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import type { KeyPair } from '../keys/key-pair.js';
import { crlSigner } from './_internal/crl-signer.js';
import { derSignedInteger } from './_internal/der-signed-integer.js';

/** One revoked certificate of a CRL. */
export interface RevokedCertificateEntry {
  serialNumber: bigint;
  /** ms since epoch (encoded in whole seconds, UTC). */
  revocationTime: number;
}

/** What {@link createCrl} needs. */
export interface CreateCrlOptions {
  /** The CA certificate issuing the CRL. */
  issuer: ParsedCertificate;
  /** Its private key. */
  key: KeyPair;
  revoked: readonly RevokedCertificateEntry[];
  /** ms since epoch. */
  thisUpdate: number;
  nextUpdate: number;
  /** cfssl-ts extension: adds a non-critical CRL Number extension (0 ≤ n < 2^159, RFC 5280 §5.2.3). */
  crlNumber?: bigint | null;
  /**
   * Write an empty revokedCertificates SEQUENCE when nothing is revoked (Go encodes a non-nil empty slice;
   * cfssl 1.6.5's `/api/v1/cfssl/gencrl` does so). Default false: the field is omitted, as for a nil slice.
   */
  keepEmptyRevokedList?: boolean;
  /** Default `webCryptoBackend(globalThis.crypto)`. */
  backend?: CryptoBackend;
}

const CRL_NUMBER_OID = '2.5.29.20';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * DER CertificateList (X.509 v2 CRL) laid out as Go's Certificate.CreateCRL writes it: version 2,
 * signature algorithm by key (RSA always SHA-256), issuer = the CA subject re-encoded from its
 * parsed fields (Go's pkix.Name rules: non-standard attributes dropped, canonical order and string
 * types), thisUpdate, nextUpdate, the revoked entries (omitted when empty), and an
 * authorityKeyIdentifier extension (the CA's SKI, only when it has one), then the CRL Number when asked.
 *
 * cfssl signs with whatever key it is given; cfssl-ts refuses a key that is not the issuer's (2300),
 * since that CRL could never verify.
 *
 * @example
 * const der = await createCrl({ issuer: ca, key: caKey, revoked: [], thisUpdate: now, nextUpdate: now + 7 * 86400_000 });
 */
export async function createCrl(options: CreateCrlOptions): Promise<Uint8Array> {
  const { issuer, key } = options;
  if (!bytesEqual(issuer.subjectPublicKeyInfo, key.spki)) throw new CfsslError('ERR_PRIVATE_KEY', 2300);
  if (options.crlNumber != null && (options.crlNumber < 0n || options.crlNumber >= 1n << 159n)) {
    throw new CfsslError('ERR_INPUT', 0, 'cfssl-ts: a CRL number must be between 0 and 2^159 - 1 (RFC 5280 section 5.2.3)');
  }
  const signer = crlSigner(key, options.backend ?? webCryptoBackend());
  const extensions: Extension[] = [];
  if (issuer.subjectKeyId.length > 0) {
    extensions.push({
      oid: EXTENSION_OID.authorityKeyIdentifier,
      critical: false,
      value: derSequence([derContextPrimitive(0, issuer.subjectKeyId)]),
    });
  }
  if (options.crlNumber != null) extensions.push({ oid: CRL_NUMBER_OID, critical: false, value: derInteger(options.crlNumber) });

  const parts = [
    derInteger(1),
    signer.algorithmIdentifier,
    // Go CreateCRL: Issuer: c.Subject.ToRDNSequence(), not the raw subject bytes.
    encodeName({ ...issuer.subject.name, extraNames: [] }),
    derTime(options.thisUpdate),
    derTime(options.nextUpdate),
  ];
  if (options.revoked.length > 0 || options.keepEmptyRevokedList === true) {
    parts.push(derSequence(options.revoked.map((r) => derSequence([derSignedInteger(r.serialNumber), derTime(r.revocationTime)]))));
  }
  if (extensions.length > 0) parts.push(derContextConstructed(0, [derSequence(extensions.map(encodeExtension))]));
  const tbs = derSequence(parts);
  const signature = await signer.sign(tbs);
  return derSequence([tbs, signer.algorithmIdentifier, derBitString(signature)]);
}
