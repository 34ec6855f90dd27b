// cfssl revoke (reference §2.13): mark a certificate in the database revoked.
import { CfsslError, revocationReasonCode } from '@cfssl-ts/core';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl revoke -- revoke a certificate in the certificate store

Usage:

Revoke a certificate:
	   cfssl revoke -db-config config_file -serial serial -aki authority_key_id [-reason reason]

Reason can be an integer code or a string in ReasonFlags in RFC 5280

Flags:
`;

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
