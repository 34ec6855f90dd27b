// golang.org/x/crypto/ocsp CreateResponse as cfssl's ocsp signer calls it (RFC 6960 §4.2.1; reference §2.12).
import { CfsslError } from '../errors/cfssl-error.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { derGeneralizedTime } from '../der/der-time.js';
import { concatBytes, derBitString, derContextConstructed, derOctetString, derOid, derSequence, TAG, tlv } from '../der/der-writer.js';
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import type { KeyPair } from '../keys/key-pair.js';
import { crlSigner } from '../crl/_internal/crl-signer.js';
import { encodeOcspCertId, ocspCertIdFor, type OcspCertIdHash } from './ocsp-cert-id.js';
import type { OcspCertStatus } from './ocsp-status.js';

/** id-pkix-ocsp-basic (RFC 6960 §4.2.1). */
export const OCSP_BASIC_RESPONSE_OID = '1.3.6.1.5.5.7.48.1.1';

/** What {@link createOcspResponse} needs. */
export interface CreateOcspResponseOptions {
  /** The CA that issued the certificate the response is about. */
  issuer: ParsedCertificate;
  /** The certificate that signs the response (may be the issuer). */
  responder: ParsedCertificate;
  responderKey: KeyPair;
  serialNumber: bigint;
  status: OcspCertStatus;
  /** RFC 5280 reason code, written when revoked and not 0 (Go omits a zero `optional` ENUMERATED). */
  revocationReason?: number;
  /** ms since epoch; for `revoked`. */
  revokedAt?: number;
  /** ms since epoch (whole seconds are written). */
  thisUpdate: number;
  nextUpdate: number;
  /** ms since epoch; Go writes time.Now() truncated to the minute. */
  producedAt: number;
  /** The CertID's hash (cfssl 1.6 `ocspsign` `issuer_hash`); default SHA-1, as x/crypto/ocsp. */
  issuerHash?: OcspCertIdHash;
  /** Default `webCryptoBackend(globalThis.crypto)`. */
  backend?: CryptoBackend;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// ocsp singleResponse: CertID, certStatus (implicit [0] NULL / [1] RevokedInfo / [2] NULL), thisUpdate, [0] nextUpdate.
function singleResponse(certId: Uint8Array, options: CreateOcspResponseOptions): Uint8Array {
  let status: Uint8Array;
  if (options.status === 'good') status = Uint8Array.of(0x80, 0x00);
  else if (options.status === 'unknown') status = Uint8Array.of(0x82, 0x00);
  else {
    const reason = options.revocationReason ?? 0;
    const revokedInfo = [derGeneralizedTime(options.revokedAt ?? 0)];
    if (reason !== 0) revokedInfo.push(derContextConstructed(0, [tlv(TAG.ENUMERATED, Uint8Array.of(reason))]));
    status = tlv(0xa1, concatBytes(revokedInfo));
  }
  return derSequence([
    certId,
    status,
    derGeneralizedTime(options.thisUpdate),
    derContextConstructed(0, [derGeneralizedTime(options.nextUpdate)]),
  ]);
}

/**
 * A DER OCSPResponse (status successful, a BasicOCSPResponse) laid out as x/crypto/ocsp
 * CreateResponse writes it for cfssl: no version field, responderID byName (the responder's raw
 * subject), producedAt, one SingleResponse with a SHA-1 CertID (or `issuerHash`'s), no response extensions (a request
 * nonce is never echoed), signature by the responder key (RSA SHA-256, ECDSA by curve), and the
 * responder certificate in `certs` unless it is the issuer itself.
 *
 * The responder key must be the responder certificate's (2300): a response that cannot verify is
 * refused, where cfssl would sign it.
 *
 * @example
 * const der = await createOcspResponse({ issuer: ca, responder, responderKey, serialNumber: leaf.serialNumber,
 *   status: 'good', thisUpdate, nextUpdate: thisUpdate + 96 * 3600_000, producedAt: now });
 */
export async function createOcspResponse(options: CreateOcspResponseOptions): Promise<Uint8Array> {
  const { issuer, responder, responderKey } = options;
  if (!bytesEqual(responder.subjectPublicKeyInfo, responderKey.spki)) throw new CfsslError('ERR_PRIVATE_KEY', 2300);
  const reason = options.revocationReason ?? 0;
  if (!Number.isInteger(reason) || reason < 0 || reason > 10) {
    throw new CfsslError('ERR_OCSP', 0, `cfssl-ts: revocation reason ${reason} is not an RFC 5280 reason code`);
  }
  const backend = options.backend ?? webCryptoBackend();
  const certId = encodeOcspCertId(await ocspCertIdFor(issuer, options.serialNumber, backend, options.issuerHash));
  const tbs = derSequence([
    derContextConstructed(1, [responder.subject.raw]),
    derGeneralizedTime(options.producedAt),
    derSequence([singleResponse(certId, options)]),
  ]);
  const signer = crlSigner(responderKey, backend);
  const signature = await signer.sign(tbs);
  const basic = [tbs, signer.algorithmIdentifier, derBitString(signature)];
  // cfssl ocsp.Sign: the responder certificate is embedded unless it is the issuer.
  if (!bytesEqual(issuer.raw, responder.raw)) basic.push(derContextConstructed(0, [derSequence([responder.raw])]));
  return derSequence([
    tlv(TAG.ENUMERATED, Uint8Array.of(0)),
    derContextConstructed(0, [derSequence([derOid(OCSP_BASIC_RESPONSE_OID), derOctetString(derSequence(basic))])]),
  ]);
}
