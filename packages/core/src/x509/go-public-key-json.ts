// A parsed public key as Go's encoding/json prints it in certinfo: *rsa.PublicKey {N,E},
// *ecdsa.PublicKey {Curve:{},X,Y}, ed25519.PublicKey as base64, *dsa.PublicKey {P,Q,G,Y}; null for unknown keys.
import { goStruct } from '../go/json/go-struct.js';
import type { GoPublicKey } from './_internal/go-public-key.js';

/** The JSON value Go prints for the PublicKey field of x509.Certificate or x509.CertificateRequest. */
export function goPublicKeyJson(key: GoPublicKey | null): unknown {
  if (key === null) return null;
  switch (key.algorithm) {
    case 'RSA':
      return goStruct({ N: key.n, E: key.e });
    case 'ECDSA':
      return goStruct({ Curve: goStruct({}), X: key.x, Y: key.y });
    case 'Ed25519':
      return key.key;
    case 'DSA':
      return goStruct({ P: key.p, Q: key.q, G: key.g, Y: key.y });
  }
}
