// cfssl-ts certdb migrate (an extension): create cfssl's certdb tables, which cfssl leaves to goose.
import { CfsslError } from '@cfssl-ts/core';
import { migrateCertdb } from '@cfssl-ts/certdb';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl-ts certdb -- manage the certificate database (a cfssl-ts extension)

Usage of certdb:
        cfssl-ts certdb migrate -db-config db-config

migrate applies cfssl's two certdb migrations (001_CreateCertificates, 002_AddMetadataToCertificates)
that the database lacks; running it again changes nothing.

Flags:
`;

const USAGE_ERROR = 'usage: cfssl-ts certdb migrate -db-config db-config';

/** The -db-config given before or after `migrate` (Go's flag parsing stops at `migrate`, so read the rest here). */
function dbConfigArgument(ctx: CommandContext): string {
  const [verb, ...rest] = ctx.args;
  if (verb !== 'migrate') throw new CfsslError('ERR_INPUT', 0, USAGE_ERROR);
  let file = ctx.str('db-config');
  for (let i = 0; i < rest.length; i++) {
    const m = /^--?db-config(?:=(.*))?$/.exec(rest[i] as string);
    if (m === null) throw new CfsslError('ERR_INPUT', 0, USAGE_ERROR);
    const value = m[1] ?? rest[++i];
    if (value === undefined) throw new CfsslError('ERR_INPUT', 0, 'flag needs an argument: -db-config');
    file = value;
  }
  if (file === '') throw new CfsslError('ERR_INPUT', 0, 'need DB config file (provide with -db-config)');
  return file;
}

async function certdbMain(ctx: CommandContext): Promise<void> {
  const file = dbConfigArgument(ctx);
  const store = await storeFromFlags(ctx, file);
  try {
    let applied: string[];
    try {
      ({ applied } = await migrateCertdb(store.driver));
    } catch (e) {
      if (e instanceof CfsslError) throw e;
      throw new CfsslError('ERR_CERT_STORE', 11000, e instanceof Error ? e.message : String(e), { cause: e });
    }
    for (const name of applied) ctx.log.info(`applied migration ${name}`);
    if (applied.length === 0) ctx.log.info('the database already has both migrations');
  } finally {
    await store.close();
  }
}

export const certdbCommand: CfsslCommand = {
  name: 'certdb',
  usageText: USAGE,
  listedFlags: ['db-config'],
  main: certdbMain,
};
