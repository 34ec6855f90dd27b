// cfssl ocspserve (reference §2.14, §6.7): answer OCSP requests from a file of pre-signed responses.
import { untilStopSignal } from './_internal/until-stop-signal.js';
import { createServer } from 'node:http';
import { CfsslError } from '@cfssl-ts/core';
import { createOcspHandler, ocspSourceFromResponsesText } from '@cfssl-ts/server';
import { readInputFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';

const USAGE = `cfssl ocspserve -- set up an HTTP server that handles OCSP requests from a file (see RFC 5019)

  Usage of ocspserve:
          cfssl ocspserve [-address address] [-port port] [-responses file]

  Flags:
  `;

async function ocspserveMain(ctx: CommandContext): Promise<void> {
  if (ctx.str('db-config') !== '') {
    throw new CfsslError(
      'ERR_INPUT',
      0,
      'cfssl-ts ocspserve: -db-config is not supported yet; dump the responses with ocspdump and use -responses',
    );
  }
  const file = ctx.str('responses');
  if (file === '') throw new CfsslError('ERR_INPUT', 0, 'no response file provided, please set the -responses flag');
  let contents: string;
  try {
    contents = text(await readInputFile(file, ctx.io));
  } catch (err) {
    throw new CfsslError('ERR_INPUT', 0, 'unable to read response file', { cause: err });
  }
  const source = ocspSourceFromResponsesText(contents, (m) => ctx.log.error(m));
  ctx.log.info(`Read ${source.size} OCSP responses`);
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
}

export const ocspserveCommand: CfsslCommand = {
  name: 'ocspserve',
  usageText: USAGE,
  listedFlags: ['address', 'port', 'responses', 'path', 'db-config'],
  main: ocspserveMain,
};
