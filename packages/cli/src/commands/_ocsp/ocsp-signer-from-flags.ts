// cfssl ocsp.NewSignerFromFile via ocspsign.SignerFromConfig: issuer (-ca), responder (-responder) and its key
// (-responder-key, falling back to -key), and the -interval of every response.
import { CfsslError, importPrivateKeyPem, parseCaCertificatePem, type KeyPair, type ParsedCertificate } from '@cfssl-ts/core';
import { readInputFile, text } from '../../io/read-input.js';
import type { CommandContext } from '../cfssl-command.js';
import { durationFlagMs } from '../_internal/command-helpers.js';

/** What signs OCSP responses: the issuer they speak for, the responder certificate and key, the validity. */
export interface OcspSignerMaterial {
  issuer: ParsedCertificate;
  responder: ParsedCertificate;
  responderKey: KeyPair;
  /** nextUpdate - thisUpdate, ms. */
  intervalMs: number;
}

/** -interval in ms (Go time.Duration, nanoseconds, truncated to ms). */
export function intervalFlagMs(ctx: CommandContext): number {
  return durationFlagMs(ctx, 'interval', '96h');
}

/** Load the OCSP signer the flags name, with cfssl's reading order (issuer, responder, key). */
export async function ocspSignerFromFlags(ctx: CommandContext): Promise<OcspSignerMaterial> {
  const issuer = parseCaCertificatePem(text(await readInputFile(ctx.str('ca'), ctx.io)));
  const responder = parseCaCertificatePem(text(await readInputFile(ctx.str('responder'), ctx.io)));
  const keyFile = ctx.str('responder-key') || ctx.str('key');
  const password = ctx.io.env.CFSSL_CA_PK_PASSWORD;
  const responderKey = await importPrivateKeyPem(text(await readInputFile(keyFile, ctx.io)), ctx.crypto, password ? password : undefined);
  return { issuer, responder, responderKey, intervalMs: intervalFlagMs(ctx) };
}

/** cfssl ocsp.StandardSigner.Sign's check: the certificate names the issuer and its signature verifies (8100). */
export async function assertIssuedBy(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  verify: (spki: Uint8Array, oid: string, data: Uint8Array, signature: Uint8Array) => Promise<boolean>,
): Promise<void> {
  const sameName = cert.issuer.raw.length === issuer.subject.raw.length && cert.issuer.raw.every((b, i) => b === issuer.subject.raw[i]);
  if (!sameName) throw new CfsslError('ERR_OCSP', 8100);
  let ok = false;
  try {
    ok = await verify(issuer.subjectPublicKeyInfo, cert.signatureAlgorithmOid, cert.tbs, cert.signature);
  } catch {
    ok = false;
  }
  if (!ok) throw new CfsslError('ERR_OCSP', 8100);
}
