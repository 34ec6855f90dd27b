// cfssl auth.Standard.Token: HMAC-SHA256(key, request ‖ ad) with empty ad (reference §6.4).

/**
 * The token of cfssl's "standard" authentication provider for `request` (the inner JSON bytes).
 *
 * @example
 * const token = await standardAuthToken(hexKeyBytes, new TextEncoder().encode(body)); // 32 bytes
 */
export async function standardAuthToken(key: Uint8Array, request: Uint8Array, crypto: Crypto = globalThis.crypto): Promise<Uint8Array> {
  const hmacKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, new Uint8Array(request)));
}
