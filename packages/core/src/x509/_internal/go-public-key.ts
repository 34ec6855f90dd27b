// Go 1.19 x509 parsePublicKey: the PublicKeyAlgorithm enum and the key Go returns (its encoding/json form is
// built by x509/go-public-key-json.ts only where certinfo prints it).
import { CryptobyteReader } from '../../der/cryptobyte-reader.js';
import { dottedOid, unsignedValue } from '../../der/der-primitives.js';
import { GoParseError } from '../go-parse-error.js';

// Go's x509.PublicKeyAlgorithm constants.
const GoPublicKeyAlgorithm = { Unknown: 0, RSA: 1, DSA: 2, ECDSA: 3, Ed25519: 4 } as const;

const ALGORITHM_BY_OID = new Map<string, number>([
  ['1.2.840.113549.1.1.1', GoPublicKeyAlgorithm.RSA],
  ['1.2.840.10040.4.1', GoPublicKeyAlgorithm.DSA],
  ['1.2.840.10045.2.1', GoPublicKeyAlgorithm.ECDSA],
  ['1.3.101.112', GoPublicKeyAlgorithm.Ed25519],
]);

// NIST curves Go knows (namedCurveFromOID): field prime p and coefficient b of y² = x³ - 3x + b.
const CURVES = new Map<string, { bits: number; p: bigint; b: bigint }>([
  ['1.3.132.0.33', { bits: 224, p: 2n ** 224n - 2n ** 96n + 1n, b: 0xb4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4n }],
  [
    '1.2.840.10045.3.1.7',
    {
      bits: 256,
      p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
      b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    },
  ],
  [
    '1.3.132.0.34',
    {
      bits: 384,
      p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
      b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    },
  ],
  [
    '1.3.132.0.35',
    {
      bits: 521,
      p: 2n ** 521n - 1n,
      b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    },
  ],
]);

const NULL_BYTES = [0x05, 0x00];

/** The key Go's parsePublicKey returns: *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey or *dsa.PublicKey. */
export type GoPublicKey =
  | { algorithm: 'RSA'; n: bigint; e: bigint }
  | { algorithm: 'ECDSA'; x: bigint; y: bigint }
  | { algorithm: 'Ed25519'; key: Uint8Array }
  | { algorithm: 'DSA'; p: bigint; q: bigint; g: bigint; y: bigint };

/** Go getPublicKeyAlgorithmFromOID. */
export function goPublicKeyAlgorithm(oid: string): number {
  return ALGORITHM_BY_OID.get(oid) ?? GoPublicKeyAlgorithm.Unknown;
}

/**
 * Go parsePublicKey for a SubjectPublicKeyInfo: `params` is the algorithm's raw parameters element
 * (empty when absent), `key` the right-aligned subjectPublicKey bits. Returns the key (null for unknown
 * algorithms); throws GoParseError with Go's message.
 */
export function goPublicKey(algorithm: number, params: Uint8Array, key: Uint8Array): GoPublicKey | null {
  switch (algorithm) {
    case GoPublicKeyAlgorithm.RSA: {
      if (params.length !== 2 || params[0] !== NULL_BYTES[0] || params[1] !== NULL_BYTES[1]) {
        throw new GoParseError('x509: RSA key missing NULL parameters');
      }
      const seq = new CryptobyteReader(key).read(0x30);
      if (seq === null) throw new GoParseError('x509: invalid RSA public key');
      const r = new CryptobyteReader(seq);
      const n = r.readBigInteger();
      if (n === null) throw new GoParseError('x509: invalid RSA modulus');
      const e = r.readInt64();
      if (e === null) throw new GoParseError('x509: invalid RSA public exponent');
      if (n <= 0n) throw new GoParseError('x509: RSA modulus is not a positive number');
      if (e <= 0n) throw new GoParseError('x509: RSA public exponent is not a positive number');
      return { algorithm: 'RSA', n, e };
    }
    case GoPublicKeyAlgorithm.ECDSA: {
      const oid = new CryptobyteReader(params).readObjectIdentifier();
      if (oid === null) throw new GoParseError('x509: invalid ECDSA parameters');
      const curve = CURVES.get(dottedOid(oid));
      if (curve === undefined) throw new GoParseError('x509: unsupported elliptic curve');
      // elliptic.Unmarshal: uncompressed form, coordinates below p, point on the curve.
      const size = Math.ceil(curve.bits / 8);
      if (key.length !== 1 + 2 * size || key[0] !== 4) throw new GoParseError('x509: failed to unmarshal elliptic curve point');
      const x = unsignedValue(key.subarray(1, 1 + size));
      const y = unsignedValue(key.subarray(1 + size));
      const { p, b } = curve;
      // IsOnCurve: y² ≡ x³ - 3x + b (mod p); a remainder of 0 needs no sign fix-up.
      if (x >= p || y >= p || (y * y - x * (x * x - 3n) - b) % p !== 0n) {
        throw new GoParseError('x509: failed to unmarshal elliptic curve point');
      }
      return { algorithm: 'ECDSA', x, y };
    }
    case GoPublicKeyAlgorithm.Ed25519:
      if (params.length !== 0) throw new GoParseError('x509: Ed25519 key encoded with illegal parameters');
      if (key.length !== 32) throw new GoParseError('x509: wrong Ed25519 public key size');
      return { algorithm: 'Ed25519', key: key.slice() };
    case GoPublicKeyAlgorithm.DSA: {
      const y = new CryptobyteReader(key).readBigInteger();
      if (y === null) throw new GoParseError('x509: invalid DSA public key');
      const seq = new CryptobyteReader(params).read(0x30);
      const r = new CryptobyteReader(seq ?? new Uint8Array(0));
      const pq = seq === null ? null : [r.readBigInteger(), r.readBigInteger(), r.readBigInteger()];
      if (pq === null || pq.some((v) => v === null)) throw new GoParseError('x509: invalid DSA parameters');
      const [P, Q, G] = pq as [bigint, bigint, bigint];
      if (y <= 0n || P <= 0n || Q <= 0n || G <= 0n) throw new GoParseError('x509: zero or negative DSA parameter');
      return { algorithm: 'DSA', p: P, q: Q, g: G, y };
    }
    default:
      return null;
  }
}
