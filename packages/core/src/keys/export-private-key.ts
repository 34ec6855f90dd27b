// Private key PEM as cfssl writes it (cfssl csr.Generate / initca: Go x509.MarshalPKCS1PrivateKey,
// MarshalECPrivateKey, derhelpers.MarshalEd25519PrivateKey) and standard PKCS#8 (Go MarshalPKCS8PrivateKey).
import type { Jwk } from './webcrypto-types.js';
import {
  DER_NULL,
  derBitString,
  derContextConstructed,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  derUnsignedInteger,
} from '../der/der-writer.js';
import { encodePem } from '../pem/pem.js';
import { bigintFromBytes, bytesFromBase64Url, bytesFromBigint } from './_internal/big-integer-bytes.js';
import { OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION } from './_internal/key-oids.js';
import { curveByName, type CurveParameters } from './_internal/named-curves.js';
import type { KeyPair } from './key-pair.js';

function jwkBytes(key: KeyPair, name: keyof Jwk): Uint8Array {
  const value = key.privateJwk[name];
  if (typeof value !== 'string') throw new RangeError(`private JWK lacks ${name}`);
  return bytesFromBase64Url(value);
}

function curveOf(key: KeyPair): CurveParameters {
  const curve = curveByName(key.curve);
  if (!curve) throw new RangeError(`unsupported curve ${String(key.curve)}`);
  return curve;
}

/** Go x509.MarshalPKCS1PrivateKey for two primes (RFC 8017 A.1.2, version 0). */
function pkcs1(key: KeyPair): Uint8Array {
  const names = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
  return derSequence([derInteger(0), ...names.map((n) => derUnsignedInteger(jwkBytes(key, n)))]);
}

/** Go marshalECPrivateKeyWithOID (RFC 5915 §3): the [0] curve OID only when `withCurve`. */
function sec1(key: KeyPair, withCurve: boolean): Uint8Array {
  const curve = curveOf(key);
  const padded = bytesFromBigint(bigintFromBytes(jwkBytes(key, 'd')), curve.byteLength);
  // The public key BIT STRING is the SPKI's subjectPublicKey: 0x04 || X || Y.
  return derSequence([
    derInteger(1),
    derOctetString(padded),
    ...(withCurve ? [derContextConstructed(0, [derOid(curve.oid)])] : []),
    derContextConstructed(1, [derBitString(key.publicKeyBits)]),
  ]);
}

/** PKCS#8 PrivateKeyInfo (RFC 5208 §5) as Go MarshalPKCS8PrivateKey writes it. */
function pkcs8(key: KeyPair): Uint8Array {
  switch (key.algorithm) {
    case 'rsa':
      return derSequence([derInteger(0), derSequence([derOid(OID_RSA_ENCRYPTION), DER_NULL]), derOctetString(pkcs1(key))]);
    case 'ecdsa':
      return derSequence([
        derInteger(0),
        derSequence([derOid(OID_EC_PUBLIC_KEY), derOid(curveOf(key).oid)]),
        derOctetString(sec1(key, false)),
      ]);
    case 'ed25519':
      // RFC 8410 §7: CurvePrivateKey ::= OCTET STRING (the 32-byte seed), itself in the privateKey OCTET STRING.
      return derSequence([derInteger(0), derSequence([derOid(OID_ED25519)]), derOctetString(derOctetString(jwkBytes(key, 'd')))]);
  }
}

/** DER of the private key in cfssl's output form, and its PEM label. */
function cfsslForm(key: KeyPair): { label: string; der: Uint8Array } {
  switch (key.algorithm) {
    case 'rsa':
      return { label: 'RSA PRIVATE KEY', der: pkcs1(key) };
    case 'ecdsa':
      return { label: 'EC PRIVATE KEY', der: sec1(key, true) };
    case 'ed25519':
      // cfssl's MarshalEd25519PrivateKey is PKCS#8 byte for byte; only the label is cfssl's own.
      return { label: 'Ed25519 PRIVATE KEY', der: pkcs8(key) };
  }
}

/**
 * The private key PEM cfssl writes (reference §5.1): RSA as PKCS#1 `RSA PRIVATE KEY`, ECDSA as SEC 1
 * `EC PRIVATE KEY` (curve OID and public key included), Ed25519 as PKCS#8 DER under the non-standard
 * label `Ed25519 PRIVATE KEY`.
 *
 * @example
 * exportPrivateKeyPem(await generateKeyPair({ algo: 'rsa', size: 2048 })); // '-----BEGIN RSA PRIVATE KEY-----\n...'
 */
export function exportPrivateKeyPem(key: KeyPair): string {
  const { label, der } = cfsslForm(key);
  return encodePem(label, der);
}

/** The DER inside {@link exportPrivateKeyPem}. */
export function exportPrivateKeyDer(key: KeyPair): Uint8Array {
  return cfsslForm(key).der;
}

/** Unencrypted PKCS#8 DER (Go x509.MarshalPKCS8PrivateKey). */
export function exportPkcs8Der(key: KeyPair): Uint8Array {
  return pkcs8(key);
}

/**
 * Unencrypted PKCS#8 PEM with the standard `PRIVATE KEY` label (Go x509.MarshalPKCS8PrivateKey), readable by OpenSSL.
 *
 * @example
 * exportPkcs8Pem(key); // '-----BEGIN PRIVATE KEY-----\n...'
 */
export function exportPkcs8Pem(key: KeyPair): string {
  return encodePem('PRIVATE KEY', pkcs8(key));
}
