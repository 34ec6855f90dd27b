// cfssl ocspserve (reference §2.14, §6.7): answer OCSP requests from a file of pre-signed responses or the database.
import { untilStopSignal } from './_internal/until-stop-signal.js';
import { createServer } from 'node:http';
import { CfsslError } from '@cfssl-ts/core';
import { createOcspHandler, ocspSourceFromResponsesText, ocspSourceFromStore, type OcspResponseSource } from '@cfssl-ts/server';
import { readInputFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl ocspserve -- set up an HTTP server that handles OCSP requests from either a file or directly from a database (see RFC 5019)

  Usage of ocspserve:
          cfssl ocspserve [-address address] [-port port] [-responses file] [-db-config db-config]

  Flags:
  `;

// cfssl 1.6 ocspServerMain: -responses wins over -db-config; either failure has a fixed message.
async function responseSource(ctx: CommandContext): Promise<{ source: OcspResponseSource; close: () => Promise<void> }> {
  const file = ctx.str('responses');
  if (file !== '') {
    let contents: string;
    try {
      contents = text(await readInputFile(file, ctx.io));
    } catch (err) {
      throw new CfsslError('ERR_INPUT', 0, 'unable to read response file', { cause: err });
    }
    const source = ocspSourceFromResponsesText(contents, (m) => ctx.log.error(m));
    ctx.log.info(`Read ${source.size} OCSP responses`);
    return { source, close: () => Promise.resolve() };
  }
  if (ctx.str('db-config') !== '') {
    let store;
    try {
      store = await storeFromFlags(ctx);
    } catch (err) {
      throw new CfsslError('ERR_INPUT', 0, 'unable to read configuration file', { cause: err });
    }
    return { source: ocspSourceFromStore(store), close: () => store.close() };
  }
  throw new CfsslError(
    'ERR_INPUT',
    0,
    'no response file or db-config provided, please set the one of these using either -responses or -db-config flags',
  );
}

async function ocspserveMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) {
    throw new CfsslError('ERR_INPUT', 0, 'argument is provided but not defined; please refer to the usage by flag -h');
  }
  const { source, close } = await responseSource(ctx);
  ctx.log.info('Registering OCSP responder handler');
  const server = createServer(
    createOcspHandler({ source, path: ctx.str('path') || '/', now: () => ctx.io.now(), log: (m) => ctx.log.info(m) }),
  );
  const address = ctx.str('address');
  const port = Number(ctx.flags.values.get('port') ?? 8888);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve());
  });
  ctx.log.info(`Now listening on ${address.includes(':') ? `[${address}]` : address}:${port}`);
  // SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0.
  await untilStopSignal();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
}

export const ocspserveCommand: CfsslCommand = {
  name: 'ocspserve',
  usageText: USAGE,
  listedFlags: ['address', 'port', 'responses', 'path', 'db-config'],
  main: ocspserveMain,
};
