// Private key DER parsing in the order cfssl derhelpers.ParsePrivateKeyDER tries formats:
// PKCS#8 (Go x509.ParsePKCS8PrivateKey), PKCS#1 (ParsePKCS1PrivateKey), SEC 1 (ParseECPrivateKey),
// then cfssl's own Ed25519 form (derhelpers.ParseEd25519PrivateKey).
import { DerError, readSingle, type DerNode } from '../../der/der-reader.js';
import { TAG } from '../../der/der-writer.js';
import { bigintFromBytes, bytesFromBigint } from './big-integer-bytes.js';
import {
  algorithmIdentifier,
  bitStringValue,
  int64Value,
  integerValue,
  octetStringValue,
  oidValue,
  sequenceElements,
  unmarshalFirst,
} from './go-asn1.js';
import { OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION } from './key-oids.js';
import { curveByOid, type CurveParameters } from './named-curves.js';

/** The private key material recovered from DER, before any WebCrypto import. */
export type ParsedPrivateKey =
  | { kind: 'rsa'; n: bigint; e: bigint; d: bigint; p: bigint; q: bigint; dp: bigint; dq: bigint; qi: bigint }
  | { kind: 'ecdsa'; curve: CurveParameters; d: Uint8Array }
  | { kind: 'ed25519'; seed: Uint8Array };

/** A structure that was recognised but holds a key cfssl cannot use (Go returns an error or a key type cfssl rejects). */
export class UnusableKeyError extends Error {
  override readonly name = 'UnusableKeyError';
}

const OID_X25519 = '1.3.101.110';
const ED25519_SEED_SIZE = 32;

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new UnusableKeyError('crypto/rsa: invalid CRT coefficient');
  return ((oldS % m) + m) % m;
}

/** Go rsa.PrivateKey.Validate for two primes (checkPub, Πprimes == n, de ≡ 1 mod p-1). */
function validateRsa(n: bigint, e: bigint, d: bigint, p: bigint, q: bigint): void {
  if (e < 2n) throw new UnusableKeyError('crypto/rsa: public exponent too small');
  if (e > 0x7fffffffn) throw new UnusableKeyError('crypto/rsa: public exponent too large');
  if (p <= 1n || q <= 1n) throw new UnusableKeyError('crypto/rsa: invalid prime value');
  if (p * q !== n) throw new UnusableKeyError('crypto/rsa: invalid modulus');
  for (const prime of [p, q]) {
    if ((d * e) % (prime - 1n) !== 1n) throw new UnusableKeyError('crypto/rsa: invalid exponents');
  }
}

/** Go x509.ParsePKCS1PrivateKey (RFC 8017 A.1.2). Trailing data is an error. */
export function parsePkcs1PrivateKey(der: Uint8Array): ParsedPrivateKey {
  const fields = sequenceElements(readSingle(der), 'RSAPrivateKey');
  const version = int64Value(fields[0], 'RSAPrivateKey version');
  const n = integerValue(fields[1], 'RSAPrivateKey modulus');
  const e = int64Value(fields[2], 'RSAPrivateKey publicExponent');
  const d = integerValue(fields[3], 'RSAPrivateKey privateExponent');
  const p = integerValue(fields[4], 'RSAPrivateKey prime1');
  const q = integerValue(fields[5], 'RSAPrivateKey prime2');
  // exponent1, exponent2 and coefficient are optional and recomputed (Go rsa.Precompute).
  let i = 6;
  for (let k = 0; k < 3 && fields[i]?.tag === TAG.INTEGER; k++) integerValue(fields[i++], 'RSAPrivateKey CRT value');
  const otherPrimes = fields[i]?.tag === TAG.SEQUENCE ? sequenceElements(fields[i], 'otherPrimeInfos') : [];
  if (version > 1n) throw new UnusableKeyError('x509: unsupported private key version');
  if (n <= 0n || d <= 0n || p <= 0n || q <= 0n) {
    throw new UnusableKeyError('x509: private key contains zero or negative value');
  }
  if (otherPrimes.length > 0) throw new UnusableKeyError('multi-prime RSA keys are not supported by WebCrypto');
  validateRsa(n, e, d, p, q);
  // Go rsa.Precompute: the CRT values are recomputed, never taken from the input.
  return { kind: 'rsa', n, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qi: modInverse(q, p) };
}

/** The one element inside an EXPLICIT context tag. */
function explicitChild(node: DerNode): DerNode {
  return readSingle(node.content);
}

/** Go x509.parseECPrivateKey (RFC 5915 §3); `curveOid` from a PKCS#8 wrapper wins over the inner one. */
function parseEcPrivateKey(der: Uint8Array, curveOid: string | null): ParsedPrivateKey {
  const fields = sequenceElements(unmarshalFirst(der).node, 'ECPrivateKey');
  const version = int64Value(fields[0], 'ECPrivateKey version');
  let privateKey = octetStringValue(fields[1], 'ECPrivateKey privateKey');
  let i = 2;
  let innerOid: string | null = null;
  if (fields[i]?.tag === 0xa0) innerOid = oidValue(explicitChild(fields[i++]!), 'namedCurve');
  if (fields[i]?.tag === 0xa1) bitStringValue(explicitChild(fields[i++]!), 'publicKey');
  if (version !== 1n) throw new UnusableKeyError(`x509: unknown EC private key version ${version}`);
  const oid = curveOid ?? innerOid;
  const curve = oid === null ? undefined : curveByOid(oid);
  if (!curve) throw new UnusableKeyError(`x509: unknown elliptic curve${oid ? ` ${oid}` : ''}`);
  if (bigintFromBytes(privateKey) >= curve.n) throw new UnusableKeyError('x509: invalid elliptic curve private key value');
  while (privateKey.length > curve.byteLength) {
    if (privateKey[0] !== 0) throw new UnusableKeyError('x509: invalid private key length');
    privateKey = privateKey.subarray(1);
  }
  // Go ignores the optional public key and recomputes it from the scalar; so do we.
  return { kind: 'ecdsa', curve, d: bytesFromBigint(bigintFromBytes(privateKey), curve.byteLength) };
}

/** Go x509.ParseECPrivateKey. */
export function parseSec1PrivateKey(der: Uint8Array): ParsedPrivateKey {
  return parseEcPrivateKey(der, null);
}

function ed25519Seed(octets: Uint8Array, exact: boolean): Uint8Array {
  const { node, rest } = unmarshalFirst(octets);
  if (exact && rest > 0) throw new DerError('CurvePrivateKey too long');
  const seed = octetStringValue(node, 'CurvePrivateKey');
  if (seed.length !== ED25519_SEED_SIZE) throw new UnusableKeyError(`x509: invalid Ed25519 private key length: ${seed.length}`);
  return seed.slice();
}

/** Go x509.ParsePKCS8PrivateKey (RFC 5208 §5, RFC 5915 §2, RFC 8410 §7). */
export function parsePkcs8PrivateKey(der: Uint8Array): ParsedPrivateKey {
  const fields = sequenceElements(unmarshalFirst(der).node, 'PrivateKeyInfo');
  int64Value(fields[0], 'PrivateKeyInfo version');
  const algo = algorithmIdentifier(fields[1], 'PrivateKeyInfo privateKeyAlgorithm');
  const privateKey = octetStringValue(fields[2], 'PrivateKeyInfo privateKey');
  const wrap = (kind: string, f: () => ParsedPrivateKey): ParsedPrivateKey => {
    try {
      return f();
    } catch (err) {
      const message = `x509: failed to parse ${kind} private key embedded in PKCS#8: ${(err as Error).message}`;
      throw new UnusableKeyError(message, { cause: err });
    }
  };
  switch (algo.oid) {
    case OID_RSA_ENCRYPTION:
      return wrap('RSA', () => parsePkcs1PrivateKey(privateKey));
    case OID_EC_PUBLIC_KEY: {
      const params = algo.params;
      const curveOid = params?.tag === TAG.OID ? safeOid(params) : null;
      return wrap('EC', () => parseEcPrivateKey(privateKey, curveOid));
    }
    case OID_ED25519:
      if (algo.params) throw new UnusableKeyError('x509: invalid Ed25519 private key parameters');
      try {
        return { kind: 'ed25519', seed: ed25519Seed(privateKey, false) };
      } catch (err) {
        if (err instanceof UnusableKeyError) throw err;
        throw new UnusableKeyError(`x509: invalid Ed25519 private key: ${(err as Error).message}`);
      }
    case OID_X25519:
      // Go ≥1.20 returns an *ecdh.PrivateKey, which cfssl then refuses.
      throw new UnusableKeyError('X25519 keys cannot sign');
    default:
      throw new UnusableKeyError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${algo.oid}`);
  }
}

function safeOid(node: DerNode): string | null {
  try {
    return oidValue(node, 'namedCurve');
  } catch {
    return null;
  }
}

/** cfssl derhelpers.ParseEd25519PrivateKey: OneAsymmetricKey with id-Ed25519 (any parameters), no trailing data. */
export function parseCfsslEd25519PrivateKey(der: Uint8Array): ParsedPrivateKey {
  const fields = sequenceElements(readSingle(der), 'OneAsymmetricKey');
  int64Value(fields[0], 'OneAsymmetricKey version');
  const algo = algorithmIdentifier(fields[1], 'OneAsymmetricKey privateKeyAlgorithm');
  const privateKey = octetStringValue(fields[2], 'OneAsymmetricKey privateKey');
  if (algo.oid !== OID_ED25519) throw new DerError('incorrect object identifier');
  return { kind: 'ed25519', seed: ed25519Seed(privateKey, true) };
}

const PARSERS = [parsePkcs8PrivateKey, parsePkcs1PrivateKey, parseSec1PrivateKey, parseCfsslEd25519PrivateKey];

/**
 * Try each format in cfssl's order. Throws an Error describing why the key is unusable: the first
 * format that recognised the structure, else the last structural error.
 */
export function parsePrivateKeyDer(der: Uint8Array): ParsedPrivateKey {
  let firstUnusable: Error | undefined;
  let last: Error | undefined;
  for (const parse of PARSERS) {
    try {
      return parse(der);
    } catch (err) {
      last = err instanceof Error ? err : new Error(String(err));
      if (err instanceof UnusableKeyError) firstUnusable ??= err;
    }
  }
  throw firstUnusable ?? last ?? new Error('no key');
}
