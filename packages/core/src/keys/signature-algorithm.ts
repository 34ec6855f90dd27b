// X.509 signature algorithms cfssl signs and verifies with (Go x509.SignatureAlgorithm, RFC 4055, RFC 5758, RFC 8410).
import { DER_NULL, derOid, derSequence } from '../der/der-writer.js';
import type { KeyAlgorithm, NamedCurve } from './key-pair.js';

/** WebCrypto digest names. */
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** One signature algorithm: its OID, cfssl's name for it and how WebCrypto computes it. */
export interface SignatureAlgorithm {
  readonly oid: string;
  /** cfssl helpers.SignatureString (Go's constant name): `SHA256WithRSA`, `ECDSAWithSHA256`, `Ed25519`. */
  readonly name: string;
  readonly keyAlgorithm: KeyAlgorithm;
  /** Digest for RSA and ECDSA; absent for Ed25519, which signs the message itself. */
  readonly hash?: HashName;
  /** DER AlgorithmIdentifier as Go writes it: NULL parameters for RSA, none for ECDSA and Ed25519. */
  readonly algorithmIdentifier: Uint8Array;
}

function rsa(oid: string, name: string, hash: HashName): SignatureAlgorithm {
  return { oid, name, keyAlgorithm: 'rsa', hash, algorithmIdentifier: derSequence([derOid(oid), DER_NULL]) };
}

function ecdsa(oid: string, name: string, hash: HashName): SignatureAlgorithm {
  return { oid, name, keyAlgorithm: 'ecdsa', hash, algorithmIdentifier: derSequence([derOid(oid)]) };
}

/** The algorithms cfssl can produce, plus the SHA-1 ones Go still verifies on CSRs. */
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = [
  rsa('1.2.840.113549.1.1.5', 'SHA1WithRSA', 'SHA-1'),
  rsa('1.2.840.113549.1.1.11', 'SHA256WithRSA', 'SHA-256'),
  rsa('1.2.840.113549.1.1.12', 'SHA384WithRSA', 'SHA-384'),
  rsa('1.2.840.113549.1.1.13', 'SHA512WithRSA', 'SHA-512'),
  ecdsa('1.2.840.10045.4.1', 'ECDSAWithSHA1', 'SHA-1'),
  ecdsa('1.2.840.10045.4.3.2', 'ECDSAWithSHA256', 'SHA-256'),
  ecdsa('1.2.840.10045.4.3.3', 'ECDSAWithSHA384', 'SHA-384'),
  ecdsa('1.2.840.10045.4.3.4', 'ECDSAWithSHA512', 'SHA-512'),
  { oid: '1.3.101.112', name: 'Ed25519', keyAlgorithm: 'ed25519', algorithmIdentifier: derSequence([derOid('1.3.101.112')]) },
];

/** Look an algorithm up by its dotted OID. */
export function signatureAlgorithmByOid(oid: string): SignatureAlgorithm | undefined {
  return SIGNATURE_ALGORITHMS.find((a) => a.oid === oid);
}

function byName(name: string): SignatureAlgorithm {
  return SIGNATURE_ALGORITHMS.find((a) => a.name === name)!;
}

const EC_ALGORITHM: Readonly<Record<NamedCurve, string>> = {
  'P-256': 'ECDSAWithSHA256',
  'P-384': 'ECDSAWithSHA384',
  'P-521': 'ECDSAWithSHA512',
};

/**
 * The algorithm cfssl signs with for a key (cfssl helpers.SignerAlgo): RSA ≥4096 bits SHA-512,
 * ≥3072 SHA-384, ≥2048 SHA-256, else SHA-1; ECDSA by curve; Ed25519. Used for CSRs and certificates.
 *
 * @example
 * signatureAlgorithmForKey({ algorithm: 'rsa', bits: 3072 }).name // 'SHA384WithRSA'
 */
export function signatureAlgorithmForKey(key: {
  readonly algorithm: KeyAlgorithm;
  readonly bits: number;
  readonly curve?: NamedCurve;
}): SignatureAlgorithm {
  switch (key.algorithm) {
    case 'rsa':
      if (key.bits >= 4096) return byName('SHA512WithRSA');
      if (key.bits >= 3072) return byName('SHA384WithRSA');
      if (key.bits >= 2048) return byName('SHA256WithRSA');
      return byName('SHA1WithRSA');
    case 'ecdsa':
      // Go SignerAlgo falls back to ECDSAWithSHA1 for other curves; KeyPair only holds these three.
      return byName(key.curve ? EC_ALGORITHM[key.curve] : 'ECDSAWithSHA1');
    case 'ed25519':
      return byName('Ed25519');
  }
}
