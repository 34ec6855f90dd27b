// RFC 6960 §4.1.1 CertID, as golang.org/x/crypto/ocsp writes it (SHA-1 by default, parameters NULL).
import { CfsslError } from '../errors/cfssl-error.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { DER_NULL, derOctetString, derOid, derSequence, TAG } from '../der/der-writer.js';
import { expectChildren, readSingle } from '../der/der-reader.js';
import { bitStringValue } from '../der/der-primitives.js';
import { derSignedInteger } from '../crl/_internal/der-signed-integer.js';
import type { CryptoBackend } from '../keys/crypto-backend.js';
import type { WebCrypto } from '../keys/webcrypto-types.js';

/** The dotted OID of SHA-1, the hash of every CertID cfssl 1.2 writes. */
export const OCSP_SHA1_OID = '1.3.14.3.2.26';

/** The hash of a CertID, by cfssl's names (api/ocsp `issuer_hash`; x/crypto/ocsp writes SHA-1 unless told). */
export type OcspCertIdHash = 'SHA1' | 'SHA256' | 'SHA384' | 'SHA512';

// x/crypto/ocsp hashOIDs, with the WebCrypto digest names.
const CERT_ID_HASHES: Record<OcspCertIdHash, { oid: string; digest: string }> = {
  SHA1: { oid: OCSP_SHA1_OID, digest: 'SHA-1' },
  SHA256: { oid: '2.16.840.1.101.3.4.2.1', digest: 'SHA-256' },
  SHA384: { oid: '2.16.840.1.101.3.4.2.2', digest: 'SHA-384' },
  SHA512: { oid: '2.16.840.1.101.3.4.2.3', digest: 'SHA-512' },
};

/** Which certificate an OCSP request or single response is about (RFC 6960 §4.1.1). */
export interface OcspCertId {
  /** Dotted OID of the hash used for the two hashes. */
  hashAlgorithmOid: string;
  /** Hash of the issuer's DER subject. */
  issuerNameHash: Uint8Array;
  /** Hash of the issuer's subjectPublicKey BIT STRING value. */
  issuerKeyHash: Uint8Array;
  serialNumber: bigint;
}

// x/crypto/ocsp CreateResponse: the key hash covers publicKeyInfo.PublicKey.RightAlign().
function subjectPublicKeyBits(spki: Uint8Array): Uint8Array {
  const parts = expectChildren(readSingle(spki), TAG.SEQUENCE, 'subjectPublicKeyInfo');
  const bits = parts[1] && parts[1].tag === TAG.BIT_STRING ? bitStringValue(parts[1].content) : null;
  if (!bits) throw new CfsslError('ERR_CERTIFICATE', 1003, 'asn1: structure error: subjectPublicKey');
  return bits.bytes;
}

/**
 * The CertID of `serialNumber` issued by `issuer`, as x/crypto/ocsp computes it: the hash of the
 * issuer's raw subject and of its public key bits, SHA-1 unless `hash` says otherwise (SHA-1 through
 * `backend`, the SHA-2 hashes through WebCrypto's `crypto.subtle.digest`).
 *
 * @example
 * const id = await ocspCertIdFor(ca, leaf.serialNumber, webCryptoBackend());
 * const sha256Id = await ocspCertIdFor(ca, leaf.serialNumber, webCryptoBackend(), 'SHA256');
 */
export async function ocspCertIdFor(
  issuer: ParsedCertificate,
  serialNumber: bigint,
  backend: CryptoBackend,
  hash: OcspCertIdHash = 'SHA1',
  crypto: WebCrypto = globalThis.crypto,
): Promise<OcspCertId> {
  const { oid, digest } = CERT_ID_HASHES[hash];
  const h =
    hash === 'SHA1'
      ? (data: Uint8Array) => backend.sha1(data)
      : async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest(digest, data as Uint8Array<ArrayBuffer>));
  return {
    hashAlgorithmOid: oid,
    issuerNameHash: await h(issuer.subject.raw),
    issuerKeyHash: await h(subjectPublicKeyBits(issuer.subjectPublicKeyInfo)),
    serialNumber,
  };
}

/** DER of a CertID: hashAlgorithm with NULL parameters (as Go writes it), the two hashes, the serial. */
export function encodeOcspCertId(id: OcspCertId): Uint8Array {
  return derSequence([
    derSequence([derOid(id.hashAlgorithmOid), DER_NULL]),
    derOctetString(id.issuerNameHash),
    derOctetString(id.issuerKeyHash),
    derSignedInteger(id.serialNumber),
  ]);
}
