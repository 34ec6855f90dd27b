// SubjectPublicKeyInfo reading with Go crypto/x509's rules (ParsePKIXPublicKey / parsePublicKey).
import { DerError, readChildren, type DerNode } from '../der/der-reader.js';
import { TAG } from '../der/der-writer.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { bigintFromBytes, bitLength, bytesEqual } from './_internal/big-integer-bytes.js';
import { algorithmIdentifier, bitStringValue, integerValue, oidValue, sequenceElements, unmarshalFirst } from './_internal/go-asn1.js';
import { OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION } from './_internal/key-oids.js';
import { curveByOid, isOnCurve } from './_internal/named-curves.js';
import { encodeEcSpkiFromPoint, encodeEd25519Spki, encodeRsaSpki } from './_internal/spki-encoding.js';
import type { KeyAlgorithm, KeyPair, NamedCurve } from './key-pair.js';

/** A public key cfssl can certify or verify with, re-encoded the way Go marshals it. */
export interface PublicKeyInfo {
  readonly algorithm: KeyAlgorithm;
  /** RSA modulus bits, EC field size, 256 for Ed25519. */
  readonly bits: number;
  readonly curve?: NamedCurve;
  /** Canonical DER SubjectPublicKeyInfo (Go x509.MarshalPKIXPublicKey of the parsed key). */
  readonly spki: Uint8Array;
  /** Contents of the subjectPublicKey BIT STRING. */
  readonly publicKeyBits: Uint8Array;
}

const INT64_MAX = (1n << 63n) - 1n;

function malformed(message: string): CfsslError {
  return new CfsslError('ERR_INPUT', 0, message);
}

function rsaKey(params: DerNode | undefined, data: Uint8Array): PublicKeyInfo {
  if (!params || !bytesEqual(params.raw, Uint8Array.of(TAG.NULL, 0))) throw malformed('x509: RSA key missing NULL parameters');
  let fields: DerNode[];
  try {
    const seq = unmarshalFirst(data).node;
    if (seq.tag !== TAG.SEQUENCE) throw new DerError('not a SEQUENCE');
    fields = readChildren(seq);
  } catch {
    throw malformed('x509: invalid RSA public key');
  }
  let n: bigint;
  let e: bigint;
  try {
    n = integerValue(fields[0], 'modulus');
  } catch {
    throw malformed('x509: invalid RSA modulus');
  }
  try {
    e = integerValue(fields[1], 'publicExponent');
    if (e > INT64_MAX || e < -INT64_MAX - 1n) throw new DerError('too large');
  } catch {
    throw malformed('x509: invalid RSA public exponent');
  }
  if (n <= 0n) throw malformed('x509: RSA modulus is not a positive number');
  if (e <= 0n) throw malformed('x509: RSA public exponent is not a positive number');
  return { algorithm: 'rsa', bits: bitLength(n), ...encodeRsaSpki(n, e) };
}

function ecKey(params: DerNode | undefined, data: Uint8Array): PublicKeyInfo {
  let curveOid: string;
  try {
    curveOid = oidValue(params, 'namedCurve');
  } catch {
    throw malformed('x509: invalid ECDSA parameters');
  }
  const curve = curveByOid(curveOid);
  // Go also knows P-224; WebCrypto does not, so cfssl-ts cannot use it.
  if (!curve) throw new CfsslError('ERR_PRIVATE_KEY', 2200, undefined, { cause: new Error(`unsupported elliptic curve ${curveOid}`) });
  const size = curve.byteLength;
  if (data.length !== 1 + 2 * size || data[0] !== 0x04) throw malformed('x509: failed to unmarshal elliptic curve point');
  const x = bigintFromBytes(data.subarray(1, 1 + size));
  const y = bigintFromBytes(data.subarray(1 + size));
  if (!isOnCurve(curve, x, y)) throw malformed('x509: failed to unmarshal elliptic curve point');
  return { algorithm: 'ecdsa', bits: curve.bits, curve: curve.name, ...encodeEcSpkiFromPoint(curve, data) };
}

function ed25519Key(params: DerNode | undefined, data: Uint8Array): PublicKeyInfo {
  if (params) throw malformed('x509: Ed25519 key encoded with illegal parameters');
  if (data.length !== 32) throw malformed('x509: wrong Ed25519 public key size');
  return { algorithm: 'ed25519', bits: 256, ...encodeEd25519Spki(data.slice()) };
}

/**
 * Parse a DER SubjectPublicKeyInfo (Go x509.ParsePKIXPublicKey rules) into the key's family, size and
 * canonical re-encoding. Malformed input throws a plain CfsslError with Go's message (for the caller to
 * wrap); a well-formed key of another kind (DSA, X25519, P-224, secp256k1, ...) throws 2200.
 *
 * @example
 * const info = parseSpki(csr.subjectPublicKeyInfo);
 * info.algorithm; // 'ecdsa'
 */
export function parseSpki(spki: Uint8Array): PublicKeyInfo {
  let oid: string;
  let params: DerNode | undefined;
  let data: Uint8Array;
  try {
    const { node, rest } = unmarshalFirst(spki);
    const [algo, bits] = sequenceElements(node, 'SubjectPublicKeyInfo');
    ({ oid, params } = algorithmIdentifier(algo, 'AlgorithmIdentifier'));
    const bitString = bitStringValue(bits, 'subjectPublicKey');
    if (bitString.bitLength % 8 !== 0) throw new DerError('subjectPublicKey is not whole bytes');
    data = bitString.bytes;
    if (rest > 0) throw new CfsslError('ERR_INPUT', 0, 'x509: trailing data after ASN.1 of public-key');
  } catch (err) {
    if (err instanceof CfsslError) throw err;
    throw malformed(`x509: malformed public key: ${(err as Error).message}`);
  }
  switch (oid) {
    case OID_RSA_ENCRYPTION:
      return rsaKey(params, data);
    case OID_EC_PUBLIC_KEY:
      return ecKey(params, data);
    case OID_ED25519:
      return ed25519Key(params, data);
    default:
      throw new CfsslError('ERR_PRIVATE_KEY', 2200, undefined, { cause: new Error(`unsupported public key algorithm ${oid}`) });
  }
}

/**
 * Whether `spki` is the public half of `key` (cfssl's key/certificate match checks, compared on Go's
 * canonical encoding). Unparseable or unsupported SPKIs do not match.
 *
 * @example
 * keysMatch(caKey, caCert.subjectPublicKeyInfo) // true
 */
export function keysMatch(key: KeyPair, spki: Uint8Array): boolean {
  try {
    return bytesEqual(parseSpki(spki).spki, key.spki);
  } catch {
    return false;
  }
}
