// cfssl ocspdump (reference §2.15): every unexpired stored OCSP response, base64, one a line (ocspserve -responses reads it).
import { CfsslError } from '@cfssl-ts/core';
import { encodeGoBase64Std } from '@cfssl-ts/core/go';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl ocspdump -- generates a series of concatenated OCSP responses
for use with ocspserve from all OCSP responses in the cert db

Usage of ocspdump:
        cfssl ocspdump -db-config db-config

Flags:
`;

async function ocspdumpMain(ctx: CommandContext): Promise<void> {
  if (ctx.str('db-config') === '') throw new CfsslError('ERR_INPUT', 0, 'need DB config file (provide with -db-config)');
  const store = await storeFromFlags(ctx);
  try {
    const records = await store.listUnexpiredOcsp();
    ctx.io.writeStdout(records.map((r) => `${encodeGoBase64Std(r.body)}\n`).join(''));
  } finally {
    await store.close();
  }
}

export const ocspdumpCommand: CfsslCommand = {
  name: 'ocspdump',
  usageText: USAGE,
  listedFlags: ['db-config'],
  main: ocspdumpMain,
};
