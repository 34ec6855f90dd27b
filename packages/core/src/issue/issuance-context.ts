// What an issuance depends on besides its inputs (clock, randomness, crypto, serial source), resolved once.
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import type { RandomSource } from '../keys/crypto-random.js';
import { randomSerialNumber } from './serial-number.js';

/** What a caller may fix about an issuance; every field has a default (see {@link resolveIssuanceContext}). */
export interface IssuanceOptions {
  /** Current time in ms since epoch (default `Date.now`). */
  now?: () => number;
  /** Random bytes for serial numbers (default: the backend's CSPRNG). */
  random?: RandomSource;
  /** Every crypto operation (default `webCryptoBackend(globalThis.crypto)`). */
  backend?: CryptoBackend;
  /** A fixed serial (the `--serial` replay) or a serial source, replacing the signer's own draw. */
  serialNumber?: bigint | (() => bigint);
}

/** How an issuer draws a serial from random bytes when the caller fixed none. */
export type SerialDraw = (random: RandomSource) => bigint;

/** An {@link IssuanceOptions} with every default applied; resolve it once and pass it to every call. */
export interface IssuanceContext {
  readonly now: () => number;
  readonly random: RandomSource;
  readonly backend: CryptoBackend;
  /** The next serial: the caller's, else `draw(random)` (default: cfssl's local signer, 20 bytes). */
  readonly serialNumber: (draw?: SerialDraw) => bigint;
}

const resolved = new WeakSet<IssuanceContext>();
const systemNow = (): number => Date.now();

/**
 * Apply the defaults to `options` once: `Date.now`, `webCryptoBackend(globalThis.crypto)`, the
 * backend's CSPRNG, and the issuer's own serial draw. A context passed in is returned as it is.
 *
 * @example
 * const context = resolveIssuanceContext({ backend: nodeCryptoBackend(), now: () => fixedTime, serialNumber: 42n });
 * const cert = await signCertificateRequest(request, policy, authority, context);
 */
export function resolveIssuanceContext(options: IssuanceOptions | IssuanceContext = {}): IssuanceContext {
  if (resolved.has(options as IssuanceContext)) return options as IssuanceContext;
  const backend = options.backend ?? webCryptoBackend(globalThis.crypto);
  const random = options.random ?? backend.randomBytes;
  const fixed = options.serialNumber;
  const serialNumber =
    typeof fixed === 'bigint'
      ? () => fixed
      : typeof fixed === 'function'
        ? () => fixed()
        : (draw: SerialDraw = randomSerialNumber) => draw(random);
  const context: IssuanceContext = Object.freeze({ now: options.now ?? systemNow, random, backend, serialNumber });
  resolved.add(context);
  return context;
}
