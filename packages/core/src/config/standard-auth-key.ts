// cfssl auth.New(key, nil): the key of a "standard" (HMAC-SHA-256) auth_keys entry.
import { goTrimSpace } from '../go/trim-space.js';

/**
 * Supplies the text behind `env:NAME` and `file:PATH` auth keys (core does no I/O). Return `undefined`
 * for an unset variable (cfssl then uses an empty key) or an unreadable file (an error).
 */
export type AuthKeySourceResolver = (kind: 'env' | 'file', name: string) => string | undefined;

/** Why an auth key could not be decoded (cfssl reports all of them as `failed to create new standard auth provider`). */
export class AuthKeyDecodeError extends Error {
  override name = 'AuthKeyDecodeError';
}

/**
 * cfssl `auth.New`: a key containing `:` is `env:NAME` (the variable's value) or `file:PATH` (the file,
 * trimmed); any other prefix is an error. The result must be hex (Go `hex.DecodeString`, either case).
 *
 * @example decodeStandardAuthKey('0123abcd') // Uint8Array [0x01, 0x23, 0xab, 0xcd]
 */
export function decodeStandardAuthKey(key: string, resolve?: AuthKeySourceResolver): Uint8Array {
  let hex = key;
  const colon = key.indexOf(':');
  if (colon >= 0) {
    const prefix = key.slice(0, colon);
    const name = key.slice(colon + 1);
    if (prefix !== 'env' && prefix !== 'file') throw new AuthKeyDecodeError(`unknown key prefix: ${prefix}`);
    if (resolve === undefined) throw new AuthKeyDecodeError(`no resolver for ${prefix}: auth keys`);
    const text = resolve(prefix, name);
    if (prefix === 'env') {
      hex = text ?? '';
    } else {
      if (text === undefined) throw new AuthKeyDecodeError(`cannot read ${name}`);
      hex = goTrimSpace(text);
    }
  }
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new AuthKeyDecodeError('invalid hex key');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
