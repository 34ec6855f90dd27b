// RFC 6960 §4.1.1 CertID, as golang.org/x/crypto/ocsp writes it (SHA-1, parameters NULL).
import { CfsslError } from '../errors/cfssl-error.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { DER_NULL, derOctetString, derOid, derSequence, TAG } from '../der/der-writer.js';
import { expectChildren, readSingle } from '../der/der-reader.js';
import { bitStringValue } from '../der/der-primitives.js';
import { derSignedInteger } from '../crl/_internal/der-signed-integer.js';
import type { CryptoBackend } from '../keys/crypto-backend.js';

/** The dotted OID of SHA-1, the hash of every CertID cfssl 1.2 writes. */
export const OCSP_SHA1_OID = '1.3.14.3.2.26';

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
 * The SHA-1 CertID of `serialNumber` issued by `issuer`, as x/crypto/ocsp computes it: SHA-1 of the
 * issuer's raw subject and of its public key bits.
 *
 * @example
 * const id = await ocspCertIdFor(ca, leaf.serialNumber, webCryptoBackend());
 */
export async function ocspCertIdFor(issuer: ParsedCertificate, serialNumber: bigint, backend: CryptoBackend): Promise<OcspCertId> {
  return {
    hashAlgorithmOid: OCSP_SHA1_OID,
    issuerNameHash: await backend.sha1(issuer.subject.raw),
    issuerKeyHash: await backend.sha1(subjectPublicKeyBits(issuer.subjectPublicKeyInfo)),
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
