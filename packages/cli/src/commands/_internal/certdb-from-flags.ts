// -db-config: open the certificate database a db-config file names (cfssl certdb/dbconf.DBFromConfig).
import { CfsslError, type SignedCertificate } from '@cfssl-ts/core';
import { certificateRecordFor, openCertdb, parseDbConfig, type SqlCertificateStore } from '@cfssl-ts/certdb';
import { isAbsolute, join } from 'node:path';
import { readInputFile, text } from '../../io/read-input.js';
import type { CommandContext } from '../cfssl-command.js';

/** Open the store named by -db-config; a relative SQLite path is taken from the working directory, as Go does. */
export async function storeFromFlags(ctx: CommandContext, file = ctx.str('db-config')): Promise<SqlCertificateStore> {
  let raw: Uint8Array;
  try {
    raw = await readInputFile(file, ctx.io);
  } catch (e) {
    // dbconf.LoadFile: any read failure is 5200 "could not read configuration file".
    throw new CfsslError('ERR_CONFIG', 5200, 'could not read configuration file', { cause: e });
  }
  const config = parseDbConfig(text(raw));
  if (config.driver === 'sqlite3' && config.dataSource !== ':memory:' && !isAbsolute(config.dataSource)) {
    config.dataSource = join(ctx.io.cwd, config.dataSource);
  }
  return openCertdb(config);
}

/**
 * With -db-config, record a certificate just signed locally before it is printed (cfssl local.Signer.Sign:
 * a failed insert returns the error, so nothing is issued that cannot be revoked).
 */
export async function recordIfDbConfig(ctx: CommandContext, cert: SignedCertificate, now: number): Promise<void> {
  if (ctx.str('db-config') === '') return;
  const store = await storeFromFlags(ctx);
  try {
    await store.insert(certificateRecordFor(cert, ctx.str('label'), now));
  } finally {
    await store.close();
  }
}
