// cfssl multirootca (reference §2.22, §6.6): authsign over several labelled roots, info, Prometheus metrics.
import { CfsslError } from '@cfssl-ts/core';
import { createMultirootServer, type CfsslTlsOptions, type ServerLogLevel } from '@cfssl-ts/server';
import { readInputFile } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { authsignMaxAgeFromFlags } from './_internal/authsign-max-age.js';
import { rootsFromFile } from './_internal/roots-from-file.js';
import { untilStopSignal } from './_internal/until-stop-signal.js';

const USAGE = `cfssl-ts multirootca -- a signing server for several roots (cfssl's multirootca)

Usage of multirootca:
        cfssl-ts multirootca -roots file [-l default_label] [-a address] [-tls-cert cert -tls-key key] \\
                             [-authsign-max-age duration] [-loglevel level]

Flags:
`;

// http.ListenAndServe's address: host:port, ":port" for every interface, "[v6]:port".
function listenAddress(addr: string): { host: string | undefined; port: number } {
  const m = /^(?:\[([^\]]*)\]|([^:]*)):(\d*)$/.exec(addr);
  if (m === null) throw new CfsslError('ERR_INPUT', 0, `listen tcp ${addr}: address ${addr}: missing port in address`);
  const host = m[1] ?? m[2] ?? '';
  const port = m[3] === '' ? 0 : Number(m[3]);
  if (port > 65535) throw new CfsslError('ERR_INPUT', 0, `listen tcp: address ${m[3]!}: invalid port`);
  return { host: host === '' ? undefined : host, port };
}

async function tlsFromFlags(ctx: CommandContext): Promise<CfsslTlsOptions | null> {
  const cert = ctx.str('tls-cert');
  const key = ctx.str('tls-key');
  if (cert === '' && key === '') return null;
  if (cert === '' || key === '') throw new CfsslError('ERR_INPUT', 0, 'multirootca: -tls-cert and -tls-key go together');
  return { cert: await readInputFile(cert, ctx.io), key: await readInputFile(key, ctx.io) };
}

async function multirootcaMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) {
    throw new CfsslError('ERR_INPUT', 0, 'argument is provided but not defined; please refer to the usage by flag -h');
  }
  const file = ctx.str('roots');
  if (file === '') throw new CfsslError('ERR_INPUT', 0, 'no root file specified');
  const address = ctx.str('a') || ':8888';
  const where = listenAddress(address);
  const maxAge = authsignMaxAgeFromFlags(ctx);
  const tls = await tlsFromFlags(ctx);
  const { roots, close } = await rootsFromFile(file, ctx);
  for (const label of roots.keys()) ctx.log.info(`loaded signer ${label}`);
  const write: Record<ServerLogLevel, (m: string) => void> = {
    DEBUG: (m) => ctx.log.debug(m),
    INFO: (m) => ctx.log.info(m),
    WARNING: (m) => ctx.log.warning(m),
    ERROR: (m) => ctx.log.error(m),
  };
  const { server, stop } = createMultirootServer({
    roots,
    defaultLabel: ctx.str('l'),
    tls,
    authsignMaxAge: maxAge,
    log: (level, message) => write[level](message),
    dumpRequest: (t) => ctx.io.writeStdout(t),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(where.port, where.host, () => resolve());
    });
  } catch (e) {
    await close();
    throw new CfsslError('ERR_INPUT', 0, `listen tcp ${address}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const bound = server.address();
  const shown = where.port === 0 && bound !== null && typeof bound === 'object' ? `${where.host ?? ''}:${String(bound.port)}` : address;
  ctx.log.info(tls === null ? `Now listening on ${shown}` : `Now listening on https:// ${shown}`);
  await untilStopSignal();
  await stop();
  await close();
}

export const multirootcaCommand: CfsslCommand = {
  name: 'multirootca',
  usageText: USAGE,
  listedFlags: ['a', 'roots', 'l', 'tls-cert', 'tls-key', 'authsign-max-age'],
  main: multirootcaMain,
};
