// cfssl auth.AuthenticatedRequest as its client marshals it: {"timestamp","token","request"} (reference §6.4).
import { goStruct, marshalGoJson } from '@cfssl-ts/core/go';
import { standardAuthToken } from './standard-auth-token.js';

/**
 * The authsign envelope for `request` (the inner JSON bytes): `timestamp` (Unix seconds), `token`
 * (base64 HMAC-SHA256 under `key`) and `request` (base64); `remote_address` is omitted as cfssl's client does.
 *
 * @example
 * await marshalAuthenticatedRequest(new TextEncoder().encode(marshalSignRequest(req)), key, Date.now())
 */
export async function marshalAuthenticatedRequest(request: Uint8Array, key: Uint8Array, nowMs: number, crypto?: Crypto): Promise<string> {
  const token = await standardAuthToken(key, request, crypto);
  // Go []byte fields marshal as standard base64 with padding; timestamp is omitempty.
  const timestamp = Math.floor(nowMs / 1000);
  return marshalGoJson(goStruct(timestamp === 0 ? { token, request } : { timestamp, token, request }));
}
