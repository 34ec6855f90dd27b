// golang.org/x/crypto/ocsp ParseResponse, the fields cfssl's responder reads (RFC 6960 §4.2.1).
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeOid, DerError, expectChildren, readChildren, readSingle, type DerNode } from '../der/der-reader.js';
import { integerValue } from '../der/der-primitives.js';
import { TAG } from '../der/der-writer.js';
import type { OcspCertId } from './ocsp-cert-id.js';
import type { OcspCertStatus } from './ocsp-status.js';
import { OCSP_BASIC_RESPONSE_OID } from './create-ocsp-response.js';
import { parseGeneralizedTime } from './_internal/parse-generalized-time.js';

/** The content of a successful OCSP response with one SingleResponse. */
export interface ParsedOcspResponse {
  certId: OcspCertId;
  serialNumber: bigint;
  status: OcspCertStatus;
  /** RFC 5280 reason code (0 when absent). */
  revocationReason: number;
  /** ms since epoch, or null unless revoked. */
  revokedAt: number | null;
  producedAt: number;
  thisUpdate: number;
  /** ms since epoch, or null when the response has none. */
  nextUpdate: number | null;
  /** DER certificates carried in `certs` (the responder's). */
  certificates: Uint8Array[];
  /** DER tbsResponseData, signatureAlgorithm OID and signature, to verify. */
  tbsResponseData: Uint8Array;
  signatureAlgorithmOid: string;
  signature: Uint8Array;
}

const RESPONSE_STATUS_NAMES = ['success', 'malformed', 'internal error', 'unused', 'try later', 'signature required', 'unauthorized'];

function certIdOf(node: DerNode | undefined): OcspCertId {
  const [alg, nameHash, keyHash, serial] = expectChildren(node, TAG.SEQUENCE, 'CertID');
  const algOid = expectChildren(alg, TAG.SEQUENCE, 'AlgorithmIdentifier')[0];
  if (algOid?.tag !== TAG.OID || nameHash?.tag !== TAG.OCTET_STRING || keyHash?.tag !== TAG.OCTET_STRING || serial?.tag !== TAG.INTEGER) {
    throw new DerError('asn1: structure error: CertID');
  }
  return {
    hashAlgorithmOid: decodeOid(algOid.content),
    issuerNameHash: nameHash.content.slice(),
    issuerKeyHash: keyHash.content.slice(),
    serialNumber: integerValue(serial.content),
  };
}

function generalizedTime(node: DerNode | undefined, what: string): number {
  if (node?.tag !== TAG.GENERALIZED_TIME) throw new DerError(`asn1: structure error: ${what}`);
  return parseGeneralizedTime(node.content);
}

function singleResponseOf(
  node: DerNode | undefined,
): Pick<ParsedOcspResponse, 'certId' | 'serialNumber' | 'status' | 'revocationReason' | 'revokedAt' | 'thisUpdate' | 'nextUpdate'> {
  const [certIdNode, statusNode, thisUpdateNode, ...rest] = expectChildren(node, TAG.SEQUENCE, 'SingleResponse');
  const certId = certIdOf(certIdNode);
  let status: OcspCertStatus;
  let revocationReason = 0;
  let revokedAt: number | null = null;
  if (statusNode?.tag === 0x80) status = 'good';
  else if (statusNode?.tag === 0x82) status = 'unknown';
  else if (statusNode?.tag === 0xa1) {
    status = 'revoked';
    const [time, reason] = readChildren(statusNode);
    revokedAt = generalizedTime(time, 'RevokedInfo');
    if (reason) {
      const [enumerated] = expectChildren(reason, 0xa0, 'revocationReason');
      if (enumerated?.tag !== TAG.ENUMERATED || enumerated.content.length === 0)
        throw new DerError('asn1: structure error: revocationReason');
      revocationReason = Number(integerValue(enumerated.content));
    }
  } else throw new DerError('asn1: structure error: certStatus');
  const thisUpdate = generalizedTime(thisUpdateNode, 'thisUpdate');
  const next = rest.find((n) => n.tag === 0xa0);
  const nextUpdate = next ? generalizedTime(readChildren(next)[0], 'nextUpdate') : null;
  return { certId, serialNumber: certId.serialNumber, status, revocationReason, revokedAt, thisUpdate, nextUpdate };
}

/**
 * Read a DER OCSPResponse as x/crypto/ocsp ParseResponse does for cfssl's responder: a non-successful
 * response status, a response type other than basic, or a count of SingleResponses other than one are
 * refused (`ERR_OCSP`, plain, Go's texts). The signature is returned, not verified.
 *
 * @example
 * const { serialNumber, thisUpdate, nextUpdate } = parseOcspResponse(der);
 */
export function parseOcspResponse(der: Uint8Array): ParsedOcspResponse {
  try {
    const [statusNode, bytesNode] = expectChildren(readSingle(der), TAG.SEQUENCE, 'OCSPResponse');
    if (statusNode?.tag !== TAG.ENUMERATED) throw new DerError('asn1: structure error: responseStatus');
    const status = Number(integerValue(statusNode.content));
    if (status !== 0) {
      throw new CfsslError('ERR_OCSP', 0, `ocsp: error from server: ${RESPONSE_STATUS_NAMES[status] ?? 'unknown OCSP response status'}`);
    }
    const [typeNode, octets] = expectChildren(expectChildren(bytesNode, 0xa0, 'responseBytes')[0], TAG.SEQUENCE, 'ResponseBytes');
    if (typeNode?.tag !== TAG.OID || octets?.tag !== TAG.OCTET_STRING) throw new DerError('asn1: structure error: ResponseBytes');
    if (decodeOid(typeNode.content) !== OCSP_BASIC_RESPONSE_OID) throw new CfsslError('ERR_OCSP', 0, 'bad OCSP response type');
    const [tbs, alg, sig, certsNode] = expectChildren(readSingle(octets.content), TAG.SEQUENCE, 'BasicOCSPResponse');
    const algOid = expectChildren(alg, TAG.SEQUENCE, 'signatureAlgorithm')[0];
    if (algOid?.tag !== TAG.OID || sig?.tag !== TAG.BIT_STRING || sig.content.length === 0)
      throw new DerError('asn1: structure error: signature');
    const fields = expectChildren(tbs, TAG.SEQUENCE, 'ResponseData');
    const producedIndex = fields.findIndex((f) => f.tag === TAG.GENERALIZED_TIME);
    if (producedIndex < 0) throw new DerError('asn1: structure error: producedAt');
    const responses = expectChildren(fields[producedIndex + 1], TAG.SEQUENCE, 'responses');
    if (responses.length !== 1) throw new CfsslError('ERR_OCSP', 0, 'OCSP response contains bad number of responses');
    const certificates = certsNode ? readChildren(expectChildren(certsNode, 0xa0, 'certs')[0]!).map((c) => c.raw.slice()) : [];
    return {
      ...singleResponseOf(responses[0]),
      producedAt: generalizedTime(fields[producedIndex], 'producedAt'),
      certificates,
      tbsResponseData: tbs!.raw.slice(),
      signatureAlgorithmOid: decodeOid(algOid.content),
      signature: sig.content.slice(1),
    };
  } catch (err) {
    if (err instanceof DerError) throw new CfsslError('ERR_OCSP', 0, err.message, { cause: err });
    throw err;
  }
}
