// cfssl revoke (reference §2.13): mark a certificate in the database revoked.
import { CfsslError } from '@cfssl-ts/core';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl revoke -- revoke a certificate in the certificate store

Usage:

Revoke a certificate:
	   cfssl revoke -db-config config_file -serial serial -aki authority_key_id [-reason reason]

Reason can be an integer code or a string in ReasonFlags in RFC 5280

Flags:
`;

// golang.org/x/crypto/ocsp reason names, as cfssl's ocsp.revocationReasonCodes lists them.
const REASONS = new Map([
  ['unspecified', 0],
  ['keycompromise', 1],
  ['cacompromise', 2],
  ['affiliationchanged', 3],
  ['superseded', 4],
  ['cessationofoperation', 5],
  ['certificatehold', 6],
  ['removefromcrl', 8],
  ['privilegewithdrawn', 9],
  ['aacompromise', 10],
]);

/**
 * cfssl ocsp.ReasonStringToCode: "" → 0; a name in any case; else strconv.Atoi, which must be 1..9
 * (so the flag's default "0" is refused, as cfssl 1.2 refuses it).
 */
export function revocationReasonCode(reason: string): number {
  if (reason === '') return 0;
  const named = REASONS.get(reason.toLowerCase());
  if (named !== undefined) return named;
  if (!/^[+-]?\d+$/.test(reason)) {
    throw new CfsslError('ERR_INPUT', 0, `strconv.Atoi: parsing ${JSON.stringify(reason)}: invalid syntax`);
  }
  const n = Number(reason);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) {
    throw new CfsslError('ERR_INPUT', 0, `strconv.Atoi: parsing ${JSON.stringify(reason)}: value out of range`);
  }
  if (n >= 10 || n <= 0) throw new CfsslError('ERR_OCSP', 8200);
  return n;
}

async function revokeMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) {
    throw new CfsslError('ERR_INPUT', 0, 'argument is provided but not defined; please refer to the usage by flag -h');
  }
  if (ctx.str('serial') === '') throw new CfsslError('ERR_INPUT', 0, 'serial number is required but not provided');
  if (ctx.str('aki') === '') throw new CfsslError('ERR_INPUT', 0, 'authority key id is required but not provided');
  if (ctx.str('db-config') === '') throw new CfsslError('ERR_INPUT', 0, 'need DB config file (provide with -db-config)');
  const store = await storeFromFlags(ctx);
  try {
    let reason: number;
    try {
      reason = revocationReasonCode(ctx.str('reason'));
    } catch (e) {
      ctx.log.error(
        `Invalid reason code: ${e instanceof CfsslError && e.cfsslCode !== 0 ? JSON.stringify({ code: e.cfsslCode, message: e.message }) : e instanceof Error ? e.message : String(e)}`,
      );
      throw e;
    }
    if (!(await store.revoke(ctx.str('serial'), ctx.str('aki'), reason))) {
      throw new CfsslError('ERR_CERT_STORE', 11200, 'failed to revoke the certificate: certificate not found');
    }
  } finally {
    await store.close();
  }
}

export const revokeCommand: CfsslCommand = {
  name: 'revoke',
  usageText: USAGE,
  listedFlags: ['serial', 'reason'],
  main: revokeMain,
};
