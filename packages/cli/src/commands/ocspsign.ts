// cfssl ocspsign (reference §2.12): one OCSP response for -cert, signed by -responder/-responder-key for -ca.
import { CfsslError, createOcspResponse, ocspCertStatus, parseCaCertificatePem, revocationReasonCode } from '@cfssl-ts/core';
import { encodeGoBase64Std } from '@cfssl-ts/core/go';
import { readInputFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext } from './_internal/command-helpers.js';
import { assertIssuedBy, ocspSignerFromFlags } from './_ocsp/ocsp-signer-from-flags.js';

const USAGE = `cfssl ocspsign -- signs an OCSP response for a given CA, cert, and status.
Returns a base64-encoded OCSP response.

Usage of ocspsign:
        cfssl ocspsign -ca cert -responder cert -responder-key key -cert cert [-status status] [-reason code] [-revoked-at YYYY-MM-DD] [-interval 96h]

Flags:
`;

const HOUR = 3_600_000;
const MINUTE = 60_000;

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// Go time.Parse("2006-01-02", s): midnight UTC of a valid calendar date.
function parseRevokedAt(value: string, now: number): number {
  if (value === 'now') return now;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3]) || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new CfsslError(
      'ERR_INPUT',
      0,
      `parsing time ${JSON.stringify(value)} as "2006-01-02": cannot parse ${JSON.stringify(value)} as "2006"`,
    );
  }
  return ms;
}

// Each failure is logged at CRITICAL with cfssl's prefix, then returned (and printed) as it is.
async function step<T>(ctx: CommandContext, prefix: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    ctx.log.critical(`${prefix}${messageOf(err)}`);
    throw err;
  }
}

async function ocspsignMain(ctx: CommandContext): Promise<void> {
  const certBytes = await step(ctx, 'Unable to read certificate: ', () => readInputFile(ctx.str('cert'), ctx.io));
  const cert = await step(ctx, 'Unable to parse certificate: ', () => parseCaCertificatePem(text(certBytes)));
  const context = issuanceContext(ctx);
  const now = context.now();
  const statusText = ctx.str('status');
  let reason = 0;
  let revokedAt = 0;
  if (statusText === 'revoked') {
    reason = await step(ctx, 'Invalid reason code: ', () => revocationReasonCode(ctx.str('reason')));
    try {
      revokedAt = parseRevokedAt(ctx.str('revoked-at'), now);
    } catch (err) {
      ctx.log.critical(`Malformed revocation time: ${ctx.str('revoked-at')}`);
      throw err;
    }
  }
  const signer = await step(ctx, 'Unable to create OCSP signer: ', () => ocspSignerFromFlags(ctx));
  const der = await step(ctx, 'Unable to sign OCSP response: ', async () => {
    // ocsp.StandardSigner.Sign: issuer check, then thisUpdate = now truncated to the hour, then the status.
    await assertIssuedBy(cert, signer.issuer, (...a) => context.backend.verify(...a));
    const thisUpdate = Math.floor(now / HOUR) * HOUR;
    return createOcspResponse({
      issuer: signer.issuer,
      responder: signer.responder,
      responderKey: signer.responderKey,
      serialNumber: cert.serialNumber,
      status: ocspCertStatus(statusText),
      revocationReason: reason,
      revokedAt,
      thisUpdate,
      nextUpdate: thisUpdate + signer.intervalMs,
      producedAt: Math.floor(now / MINUTE) * MINUTE,
      backend: context.backend,
    });
  });
  // cli.PrintOCSPResponse
  ctx.io.writeStdout(`${JSON.stringify({ ocspResponse: encodeGoBase64Std(der) })}\n`);
}

export const ocspsignCommand: CfsslCommand = {
  name: 'ocspsign',
  usageText: USAGE,
  listedFlags: ['ca', 'responder', 'responder-key', 'reason', 'status', 'revoked-at', 'interval'],
  readsReplay: true,
  main: ocspsignMain,
};
