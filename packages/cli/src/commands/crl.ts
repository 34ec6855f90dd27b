// cfssl crl (1.6; reference §2.11): a CRL of the revoked, unexpired certificates in the database.
import { CfsslError, createCrl, importPrivateKeyPem, parseCaCertificatePem } from '@cfssl-ts/core';
import { encodeGoBase64Std } from '@cfssl-ts/core/go';
import { readBytesSource, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';
import { durationFlagMs, issuanceContext } from './_internal/command-helpers.js';

const USAGE = `cfssl crl -- generate a new Certificate Revocation List from Database

Usage of crl:
        cfssl crl

Flags:
`;

// Go's zero time, what an unset revoked_at reads as (cfssl certdb.CertificateRecord.RevokedAt).
const GO_ZERO_TIME_MS = -62135596800000;

async function generateCrl(ctx: CommandContext): Promise<Uint8Array | null> {
  // cfssl cli/crl generateCRL: a missing flag is logged and yields a nil CRL, not an error.
  if (ctx.str('ca') === '') {
    ctx.log.error('need CA certificate (provide one with -ca)');
    return null;
  }
  if (ctx.str('ca-key') === '') {
    ctx.log.error('need CA key (provide one with -ca-key)');
    return null;
  }
  if (ctx.str('db-config') === '') {
    ctx.log.error('no Database specified!');
    return null;
  }
  const expiryMs = durationFlagMs(ctx, 'expiry', '168h');
  const store = await storeFromFlags(ctx);
  try {
    const caBytes = await readBytesSource(ctx.str('ca'), ctx.io);
    let keyBytes: Uint8Array;
    try {
      keyBytes = await readBytesSource(ctx.str('ca-key'), ctx.io);
    } catch (e) {
      // cferr.Wrap(CertificateError, ReadFailed, err)
      throw new CfsslError('ERR_CERTIFICATE', 1001, e instanceof Error ? e.message : String(e), { cause: e });
    }
    const issuer = parseCaCertificatePem(text(caBytes));
    const password = ctx.io.env.CFSSL_CA_PK_PASSWORD;
    const key = await importPrivateKeyPem(text(keyBytes), ctx.crypto, password ? password : undefined);
    const rows = await store.listRevokedUnexpired();
    const context = issuanceContext(ctx);
    const now = context.now();
    // crl.NewCRLFromDB: serial parsed base 10 (SetString; a bad one becomes 0), revocation time = revoked_at.
    return await createCrl({
      issuer,
      key,
      revoked: rows.map((r) => ({
        serialNumber: /^[+-]?\d+$/.test(r.serial) ? BigInt(r.serial) : 0n,
        revocationTime: r.revokedAt ?? GO_ZERO_TIME_MS,
      })),
      thisUpdate: now,
      nextUpdate: now + expiryMs,
      backend: context.backend,
    });
  } finally {
    await store.close();
  }
}

async function crlMain(ctx: CommandContext): Promise<void> {
  const der = await generateCrl(ctx);
  // cli.PrintCRL: base64 DER and a newline (an empty line for a nil CRL).
  ctx.io.writeStdout(`${der === null ? '' : encodeGoBase64Std(der)}\n`);
}

export const crlCommand: CfsslCommand = {
  name: 'crl',
  usageText: USAGE,
  listedFlags: ['db-config', 'ca', 'ca-key', 'expiry'],
  main: crlMain,
};
