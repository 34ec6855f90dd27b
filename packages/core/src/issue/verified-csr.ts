// What a CSR read for signing yields.
import type { ParsedCsr } from '../csr/parse-csr.js';
import type { PublicKeyInfo } from '../keys/public-key.js';

/** A CSR that parsed and whose signature verified, with its public key. */
export interface VerifiedCsr {
  csr: ParsedCsr;
  spki: PublicKeyInfo;
}
