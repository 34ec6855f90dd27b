// Go x509.DecryptPEMBlock: RFC 1423 legacy PEM encryption as OpenSSL writes it (Proc-Type: 4,ENCRYPTED),
// key = OpenSSL EVP_BytesToKey(MD5, password, salt = IV[0:8], 1 iteration).
import type { WebCrypto } from '../webcrypto-types.js';
import { CfsslError } from '../../errors/cfssl-error.js';
import type { PemBlock } from '../../pem/pem.js';
import { desCbcDecrypt, desCipher, tripleDesCipher } from './legacy-pem-decrypt-des.js';
import { md5 } from './md5.js';

interface Rfc1423Cipher {
  keySize: number;
  blockSize: number;
  kind: 'des' | 'des3' | 'aes';
}

// Go rfc1423Algos.
const CIPHERS: ReadonlyMap<string, Rfc1423Cipher> = new Map([
  ['DES-CBC', { keySize: 8, blockSize: 8, kind: 'des' }],
  ['DES-EDE3-CBC', { keySize: 24, blockSize: 8, kind: 'des3' }],
  ['AES-128-CBC', { keySize: 16, blockSize: 16, kind: 'aes' }],
  ['AES-192-CBC', { keySize: 24, blockSize: 16, kind: 'aes' }],
  ['AES-256-CBC', { keySize: 32, blockSize: 16, kind: 'aes' }],
]);

function goError(message: string): CfsslError {
  return new CfsslError('ERR_PRIVATE_KEY', 0, message);
}

/** Go x509.IncorrectPasswordError. */
function incorrectPassword(): CfsslError {
  return goError('x509: decryption password incorrect');
}

/** OpenSSL EVP_BytesToKey with MD5 and one round: D_i = MD5(D_{i-1} || password || salt). */
export function evpBytesToKeyMd5(password: Uint8Array, salt: Uint8Array, keySize: number): Uint8Array {
  const out = new Uint8Array(keySize);
  let digest: Uint8Array = new Uint8Array(0);
  for (let off = 0; off < keySize; off += digest.length) {
    const input = new Uint8Array(digest.length + password.length + salt.length);
    input.set(digest);
    input.set(password, digest.length);
    input.set(salt, digest.length + password.length);
    digest = md5(input);
    out.set(digest.subarray(0, Math.min(digest.length, keySize - off)), off);
  }
  return out;
}

// Go encoding/hex.DecodeString with its error texts (InvalidByteError prints %#U).
function decodeHex(s: string): Uint8Array {
  const invalid = (c: string): CfsslError =>
    goError(`encoding/hex: invalid byte: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
  const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i + 1 < s.length; i += 2) {
    if (!isHex(s[i]!)) throw invalid(s[i]!);
    if (!isHex(s[i + 1]!)) throw invalid(s[i + 1]!);
    out[i >> 1] = Number.parseInt(s.slice(i, i + 2), 16);
  }
  if (s.length % 2 === 1) {
    if (!isHex(s[s.length - 1]!)) throw invalid(s[s.length - 1]!);
    throw goError('encoding/hex: odd length hex string');
  }
  return out;
}

// RFC 1423 padding: 1..blockSize bytes, each equal to the count; anything else means a wrong password.
function unpad(data: Uint8Array, blockSize: number): Uint8Array {
  const last = data[data.length - 1]!;
  if (last === 0 || last > blockSize || last > data.length) throw incorrectPassword();
  for (let i = data.length - last; i < data.length; i++) if (data[i] !== last) throw incorrectPassword();
  return data.subarray(0, data.length - last);
}

/**
 * Decrypt a legacy encrypted PEM block (`Proc-Type: 4,ENCRYPTED` with a `DEK-Info` header) with
 * `password`, exactly as Go x509.DecryptPEMBlock: DES-CBC, DES-EDE3-CBC, AES-128/192/256-CBC.
 * A padding mismatch is `x509: decryption password incorrect`; a wrong password that happens to
 * leave valid padding yields garbage DER (the caller's parse then fails), as in Go.
 */
export async function decryptLegacyPemBlock(
  block: PemBlock,
  password: Uint8Array,
  crypto: WebCrypto = globalThis.crypto,
): Promise<Uint8Array> {
  const dek = block.headers.get('DEK-Info');
  if (dek === undefined) throw goError('x509: no DEK-Info header in block');
  const comma = dek.indexOf(',');
  if (comma < 0) throw goError('x509: malformed DEK-Info header');
  const cipher = CIPHERS.get(dek.slice(0, comma));
  if (!cipher) throw goError('x509: unknown encryption mode');
  const iv = decodeHex(dek.slice(comma + 1));
  if (iv.length !== cipher.blockSize) throw goError('x509: incorrect IV size');
  const key = evpBytesToKeyMd5(password, iv.subarray(0, 8), cipher.keySize);
  const data = block.der;
  if (data.length % cipher.blockSize !== 0) throw goError('x509: encrypted PEM data is not a multiple of the block size');
  if (data.length === 0) throw goError('x509: invalid padding');
  if (cipher.kind !== 'aes') {
    const block3 = cipher.kind === 'des' ? desCipher(key) : tripleDesCipher(key);
    return unpad(desCbcDecrypt(block3, iv, data), cipher.blockSize);
  }
  // WebCrypto AES-CBC removes PKCS #7 padding (the same scheme) and fails when it is wrong.
  const aesKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'AES-CBC' }, false, ['decrypt']);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> }, aesKey, data as Uint8Array<ArrayBuffer>),
    );
  } catch {
    throw incorrectPassword();
  }
}
