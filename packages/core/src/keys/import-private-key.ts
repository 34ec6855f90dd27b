// Reading a private key the way cfssl helpers.ParsePrivateKeyPEM does (reference §1.3).
import type { Jwk, WebCrypto, WebCryptoAlgorithm, WebCryptoKey } from './webcrypto-types.js';
import { derInteger, derOctetString, derOid, derSequence } from '../der/der-writer.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodePemBlocks } from '../pem/pem.js';
import { base64UrlFromBigint, base64UrlFromBytes, bigintFromBytes, bytesFromBigint } from './_internal/big-integer-bytes.js';
import { ecScalarBaseMult } from './_internal/ec-scalar-base-mult.js';
import { bufferSource } from './_internal/buffer-source.js';
import { rememberPrivateCryptoKey } from './_internal/crypto-key-cache.js';
import { decryptLegacyPemBlock } from './_internal/legacy-pem-decrypt.js';
import { OID_ED25519 } from './_internal/key-oids.js';
import { parsePrivateKeyDer, type ParsedPrivateKey } from './_internal/parse-private-key-der.js';
import { cryptoOf, type CryptoOptions } from './crypto-options.js';
import { keyPairFromPrivateJwk, type KeyPair } from './key-pair.js';
import { signatureAlgorithmForKey } from './signature-algorithm.js';

function parseFailed(cause: unknown): CfsslError {
  return new CfsslError('ERR_PRIVATE_KEY', 2003, undefined, { cause });
}

function rsaJwk(k: Extract<ParsedPrivateKey, { kind: 'rsa' }>): Jwk {
  const u = base64UrlFromBigint;
  return { kty: 'RSA', n: u(k.n), e: u(k.e), d: u(k.d), p: u(k.p), q: u(k.q), dp: u(k.dp), dq: u(k.dq), qi: u(k.qi) };
}

/** Import a PKCS#8 built from the private scalar alone and let WebCrypto derive the public key (Go ScalarBaseMult). */
async function deriveWithWebCrypto(
  crypto: WebCrypto,
  pkcs8: Uint8Array,
  params: WebCryptoAlgorithm,
): Promise<{ jwk: Jwk; cryptoKey: WebCryptoKey }> {
  const extractable = await crypto.subtle.importKey('pkcs8', bufferSource(pkcs8), params, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', extractable);
  // Keep a non-extractable handle for signing.
  const cryptoKey = await crypto.subtle.importKey('jwk', jwk, params, false, ['sign']);
  return { jwk, cryptoKey };
}

async function toKeyPair(parsed: ParsedPrivateKey, crypto: WebCrypto): Promise<KeyPair> {
  switch (parsed.kind) {
    case 'rsa': {
      const key = keyPairFromPrivateJwk(rsaJwk(parsed));
      // Import now for the hash cfssl will sign with, so a key WebCrypto refuses fails here.
      const hash = signatureAlgorithmForKey(key).hash;
      const params: WebCryptoAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: hash! };
      rememberPrivateCryptoKey(crypto, key, hash, await crypto.subtle.importKey('jwk', key.privateJwk, params, false, ['sign']));
      return key;
    }
    case 'ecdsa': {
      // Go parseECPrivateKey recomputes the public point (ScalarBaseMult); providers that do not derive it
      // from a bare PKCS#8 (@peculiar/webcrypto) need it in the key they import.
      const { curve } = parsed;
      const { x, y } = ecScalarBaseMult(curve, bigintFromBytes(parsed.d));
      const coordinate = (v: bigint) => base64UrlFromBytes(bytesFromBigint(v, curve.byteLength));
      const jwk = { kty: 'EC', crv: curve.name, x: coordinate(x), y: coordinate(y), d: base64UrlFromBytes(parsed.d) };
      const key = keyPairFromPrivateJwk(jwk);
      const params = { name: 'ECDSA', namedCurve: curve.name };
      rememberPrivateCryptoKey(crypto, key, undefined, await crypto.subtle.importKey('jwk', key.privateJwk, params, false, ['sign']));
      return key;
    }
    case 'ed25519': {
      const pkcs8 = derSequence([derInteger(0), derSequence([derOid(OID_ED25519)]), derOctetString(derOctetString(parsed.seed))]);
      const { jwk, cryptoKey } = await deriveWithWebCrypto(crypto, pkcs8, { name: 'Ed25519' });
      const key = keyPairFromPrivateJwk(jwk);
      rememberPrivateCryptoKey(crypto, key, undefined, cryptoKey);
      return key;
    }
  }
}

/** Options of {@link importPrivateKeyPem}: the provider and the password of a legacy encrypted PEM block. */
export interface ImportPrivateKeyOptions extends CryptoOptions {
  password?: string | Uint8Array;
}

/**
 * Import a DER private key, trying PKCS#8, PKCS#1, SEC 1 and cfssl's Ed25519 form in turn
 * (cfssl derhelpers.ParsePrivateKeyDER). Anything unreadable or unusable (DSA, X25519, curves other
 * than P-256/384/521) is cfssl's 2003 `Failed to parse private key`; `cause` says why.
 *
 * @example
 * const key = await importPrivateKeyDer(der);
 */
export async function importPrivateKeyDer(der: Uint8Array, options?: WebCrypto | CryptoOptions): Promise<KeyPair> {
  const crypto = cryptoOf(options);
  let parsed: ParsedPrivateKey;
  try {
    parsed = parsePrivateKeyDer(der);
  } catch (err) {
    throw parseFailed(err);
  }
  try {
    return await toKeyPair(parsed, crypto);
  } catch (err) {
    throw err instanceof CfsslError ? err : parseFailed(err);
  }
}

/**
 * Import a PEM private key like cfssl helpers.ParsePrivateKeyPEMWithPassword: the first block that
 * is not `EC PARAMETERS` is used whatever its label. No block → 2002 `Failed to decode private key`;
 * a legacy encrypted block (`Proc-Type: 4,ENCRYPTED`) → 2100 `Private key is encrypted.` unless a
 * `password` is given, in which case it is decrypted as Go x509.DecryptPEMBlock does (DES-CBC,
 * DES-EDE3-CBC, AES-128/192/256-CBC; a wrong password is usually the plain-text error
 * `x509: decryption password incorrect`); otherwise as {@link importPrivateKeyDer}.
 *
 * @example
 * const key = await importPrivateKeyPem(caKeyPem);
 * key.algorithm; // 'ecdsa'
 * const caKey = await importPrivateKeyPem(encryptedPem, { password: 'secret' }); // cfssl's CFSSL_CA_PK_PASSWORD
 */
export async function importPrivateKeyPem(
  text: string,
  options?: WebCrypto | ImportPrivateKeyOptions,
  legacyPassword?: string | Uint8Array,
): Promise<KeyPair> {
  const crypto = cryptoOf(options);
  const password = options !== undefined && !('subtle' in options) && options.password !== undefined ? options.password : legacyPassword;
  const block = decodePemBlocks(text).find((b) => b.label !== 'EC PARAMETERS');
  if (!block) throw new CfsslError('ERR_PRIVATE_KEY', 2002);
  if (block.headers.get('Proc-Type')?.includes('ENCRYPTED')) {
    if (password === undefined) throw new CfsslError('ERR_PRIVATE_KEY', 2100);
    const secret = typeof password === 'string' ? new TextEncoder().encode(password) : password;
    return importPrivateKeyDer(await decryptLegacyPemBlock(block, secret, crypto), crypto);
  }
  return importPrivateKeyDer(block.der, crypto);
}
