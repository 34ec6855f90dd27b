// The last parameter of the functions that only need a WebCrypto provider: an options object (or, as before, the provider).
import type { WebCrypto } from './webcrypto-types.js';

/** Options naming the WebCrypto provider (default `globalThis.crypto`). */
export interface CryptoOptions {
  crypto?: WebCrypto;
}

/**
 * The provider `options` names: the options' `crypto`, the provider itself when one is passed, else `globalThis.crypto`.
 *
 * @example
 * cryptoOf({ crypto: new Crypto() }); // the @peculiar/webcrypto provider
 * cryptoOf(undefined); // globalThis.crypto
 */
export function cryptoOf(options: WebCrypto | CryptoOptions | undefined): WebCrypto {
  if (options === undefined) return globalThis.crypto;
  if ('subtle' in options) return options;
  return options.crypto ?? globalThis.crypto;
}
