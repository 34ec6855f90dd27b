// cfssl sign.SignerFromConfig for the local case: the policy (-config or built-in) and the CA (-ca, -ca-key).
import {
  CfsslError,
  builtinSigningPolicy,
  exportPkcs8Pem,
  importPrivateKeyPem,
  loadSigningAuthority,
  parseCaCertificatePem,
  type SigningAuthority,
  type SigningPolicy,
} from '@cfssl-ts/core';
import { readBytesSource, text } from '../../io/read-input.js';
import type { CommandContext } from '../cfssl-command.js';

/** The signing policy: the loaded config's, else cfssl's built-in default. */
export function policyFromContext(ctx: CommandContext): SigningPolicy {
  return ctx.config?.policy ?? builtinSigningPolicy();
}

/** Load the CA certificate and key named by -ca and -ca-key, with cfssl's error codes. */
export async function authorityFromFlags(ctx: CommandContext): Promise<SigningAuthority> {
  const caKeyFile = ctx.str('ca-key');
  // universal.newLocalSigner: no key file and no other signer → PrivateKeyError/Unknown.
  if (caKeyFile === '') throw new CfsslError('ERR_PRIVATE_KEY', 2000);
  const caText = text(await readBytesSource(ctx.str('ca'), ctx.io));
  let keyText: string;
  try {
    keyText = text(await readBytesSource(caKeyFile, ctx.io));
  } catch (e) {
    // local.NewSignerFromFile wraps CA key read failures as CertificateError/ReadFailed.
    throw new CfsslError('ERR_CERTIFICATE', 1001, e instanceof Error ? e.message : undefined, { cause: e });
  }
  const password = ctx.io.env.CFSSL_CA_PK_PASSWORD;
  if (password) {
    // local.NewSignerFromFile: the CA key may be legacy-encrypted PEM, opened with CFSSL_CA_PK_PASSWORD
    // (an empty value means no password). The CA certificate is parsed first, as cfssl does.
    parseCaCertificatePem(caText);
    keyText = exportPkcs8Pem(await importPrivateKeyPem(keyText, ctx.crypto, password));
  }
  return loadSigningAuthority(caText, keyText, ctx.crypto);
}
