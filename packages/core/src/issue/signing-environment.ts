// What a signature depends on besides its inputs: clock, randomness, crypto (all injectable).
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import type { RandomSource } from './serial-number.js';

/** Injectable environment of a signature: clock, randomness, crypto provider. */
export interface SigningEnvironment {
  /** Current time in ms since epoch (default Date.now). */
  now?: () => number;
  /** Random bytes for serial numbers (default: the crypto provider's CSPRNG). */
  random?: RandomSource;
  /** WebCrypto provider (default globalThis.crypto). */
  crypto?: Crypto;
  /** Sign/verify/digest implementation (default: WebCrypto over `crypto`). */
  backend?: CryptoBackend;
  /** Serial source for profiles that draw serials (default: 20 random bytes, top bit cleared). Replays use it. */
  serialNumber?: () => bigint;
}

/** The backend an environment selects. */
export function backendOf(env: SigningEnvironment): CryptoBackend {
  return env.backend ?? webCryptoBackend(env.crypto ?? globalThis.crypto);
}

/** The signed certificate. */
export interface SignedCertificate {
  der: Uint8Array;
  pem: string;
  serialNumber: bigint;
  notBefore: number;
  notAfter: number;
}
