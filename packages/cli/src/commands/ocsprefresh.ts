// cfssl ocsprefresh (reference §2.16): sign a fresh OCSP response for every unexpired certificate in the
// database and upsert it into ocsp_responses.
import { CfsslError, parseCaCertificatePem } from '@cfssl-ts/core';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';
import { issuanceContext } from './_internal/command-helpers.js';
import { ocspSignerFromFlags } from './_ocsp/ocsp-signer-from-flags.js';
import { signOcspResponse } from './_ocsp/sign-ocsp-response.js';

const USAGE = `cfssl ocsprefresh -- refreshes the ocsp_responses table
with new OCSP responses for all known unexpired certificates

Usage of ocsprefresh:
        cfssl ocsprefresh -db-config db-config -ca cert -responder cert -responder-key key [-interval 96h]

Flags:
`;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function ocsprefreshMain(ctx: CommandContext): Promise<void> {
  if (ctx.str('db-config') === '') throw new CfsslError('ERR_INPUT', 0, 'need DB config file (provide with -db-config)');
  if (ctx.str('responder') === '') throw new CfsslError('ERR_INPUT', 0, 'need responder certificate (provide with -responder)');
  if (ctx.str('responder-key') === '') throw new CfsslError('ERR_INPUT', 0, 'need responder key (provide with -responder-key)');
  if (ctx.str('ca') === '') throw new CfsslError('ERR_INPUT', 0, 'need CA certificate (provide with -ca)');
  let signer;
  try {
    signer = await ocspSignerFromFlags(ctx);
  } catch (e) {
    ctx.log.critical(`Unable to create OCSP signer: ${messageOf(e)}`);
    throw e;
  }
  const store = await storeFromFlags(ctx);
  try {
    const rows = await store.listUnexpired();
    const context = issuanceContext(ctx);
    // One expiry for the whole batch (cfssl: ocspExpiry = time.Now().Add(c.Interval)).
    const ocspExpiry = context.now() + signer.intervalMs;
    let refreshed = 0;
    for (const row of rows) {
      let cert;
      try {
        cert = parseCaCertificatePem(row.pem);
      } catch (e) {
        ctx.log.critical(`Unable to parse certificate: ${messageOf(e)}`);
        throw e;
      }
      let body: Uint8Array;
      try {
        body = await signOcspResponse(
          signer,
          { cert, status: row.status, reason: row.reason, revokedAt: row.revokedAt ?? 0 },
          context.now(),
          context.backend,
        );
      } catch (e) {
        ctx.log.critical(`Unable to sign OCSP response: ${messageOf(e)}`);
        throw e;
      }
      // Serial and AKI from the certificate, not the row (a cfssl 1.2 row has an empty AKI). Each upsert is
      // one UPDATE or one INSERT, so a run stopped part-way leaves every earlier response whole.
      try {
        await store.upsertOcsp({
          serial: cert.serialNumber.toString(),
          authorityKeyId: Buffer.from(cert.authorityKeyId).toString('hex'),
          body,
          expiry: ocspExpiry,
        });
      } catch (e) {
        ctx.log.critical(`Unable to save OCSP response: ${messageOf(e)}`);
        throw e;
      }
      refreshed++;
    }
    ctx.log.debug(`refreshed ${refreshed} OCSP responses`);
  } finally {
    await store.close();
  }
}

export const ocsprefreshCommand: CfsslCommand = {
  name: 'ocsprefresh',
  usageText: USAGE,
  listedFlags: ['ca', 'responder', 'responder-key', 'db-config', 'interval'],
  main: ocsprefreshMain,
};
