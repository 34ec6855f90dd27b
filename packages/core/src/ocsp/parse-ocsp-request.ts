// golang.org/x/crypto/ocsp ParseRequest (RFC 6960 §4.1.1): the first Request's CertID of an OCSPRequest.
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeOid, DerError, expectChildren, readChildren, readSingle, type DerNode } from '../der/der-reader.js';
import { integerValue } from '../der/der-primitives.js';
import { TAG } from '../der/der-writer.js';
import type { OcspCertId } from './ocsp-cert-id.js';

// x/crypto/ocsp hashOIDs: SHA-1, SHA-256, SHA-384, SHA-512.
const KNOWN_HASH_OIDS: ReadonlySet<string> = new Set([
  '1.3.14.3.2.26',
  '2.16.840.1.101.3.4.2.1',
  '2.16.840.1.101.3.4.2.2',
  '2.16.840.1.101.3.4.2.3',
]);

function certIdOf(node: DerNode | undefined): OcspCertId {
  const [alg, nameHash, keyHash, serial] = expectChildren(node, TAG.SEQUENCE, 'CertID');
  const algParts = expectChildren(alg, TAG.SEQUENCE, 'AlgorithmIdentifier');
  if (!algParts[0] || algParts[0].tag !== TAG.OID) throw new DerError('asn1: structure error: AlgorithmIdentifier');
  if (nameHash?.tag !== TAG.OCTET_STRING || keyHash?.tag !== TAG.OCTET_STRING || serial?.tag !== TAG.INTEGER) {
    throw new DerError('asn1: structure error: CertID');
  }
  if (serial.content.length === 0) throw new DerError('asn1: structure error: empty integer');
  return {
    hashAlgorithmOid: decodeOid(algParts[0].content),
    issuerNameHash: nameHash.content.slice(),
    issuerKeyHash: keyHash.content.slice(),
    serialNumber: integerValue(serial.content),
  };
}

/**
 * The CertID of the first request in a DER OCSPRequest, with x/crypto/ocsp's refusals: trailing
 * data, an empty request list, a hash other than SHA-1/256/384/512. Extensions (a nonce) are ignored,
 * as cfssl ignores them. Throws CfsslError `ERR_OCSP` (plain) with Go's message.
 *
 * @example
 * const { serialNumber, issuerKeyHash } = parseOcspRequest(postBody);
 */
export function parseOcspRequest(der: Uint8Array): OcspCertId {
  try {
    const [tbs] = expectChildren(readSingle(der), TAG.SEQUENCE, 'OCSPRequest');
    const fields = expectChildren(tbs, TAG.SEQUENCE, 'TBSRequest');
    // skip [0] version and [1] requestorName; the request list is the first SEQUENCE
    const list = fields.find((f) => f.tag === TAG.SEQUENCE);
    if (!list) throw new DerError('asn1: structure error: requestList');
    const requests = readChildren(list);
    if (requests.length === 0) throw new CfsslError('ERR_OCSP', 0, 'OCSP request contains no request body');
    const [certId] = expectChildren(requests[0], TAG.SEQUENCE, 'Request');
    const id = certIdOf(certId);
    if (!KNOWN_HASH_OIDS.has(id.hashAlgorithmOid)) throw new CfsslError('ERR_OCSP', 0, 'OCSP request uses unknown hash function');
    return id;
  } catch (err) {
    if (err instanceof DerError) throw new CfsslError('ERR_OCSP', 0, err.message, { cause: err });
    throw err;
  }
}
