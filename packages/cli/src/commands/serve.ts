// cfssl serve (reference §2.8, §6): the API over HTTP on -address:-port, until SIGTERM or SIGINT.
import { CfsslError, type SigningAuthority } from '@cfssl-ts/core';
import { createCfsslServer, type ServerLogLevel } from '@cfssl-ts/server';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { authorityFromFlags, policyFromContext } from './_internal/signer-from-flags.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl serve -- set up a HTTP server handles CF SSL requests

Usage of serve:
        cfssl serve [-address address] [-min-tls-version version] [-ca cert] [-ca-bundle bundle] \\
                    [-ca-key key] [-int-bundle bundle] [-int-dir dir] [-port port] \\
                    [-metadata file] [-remote remote_host] [-config config] \\
                    [-responder cert] [-responder-key key] [-tls-cert cert] [-tls-key key] \\
                    [-mutual-tls-ca ca] [-mutual-tls-cn regex] \\
                    [-tls-remote-ca ca] [-mutual-tls-client-cert cert] [-mutual-tls-client-key key] \\
                    [-db-config db-config] [-disable endpoint[,endpoint]]

Flags:
`;

// Flags of cfssl serve that cfssl-ts serve does not implement yet: refused rather than ignored.
const NOT_YET = [
  'ca-bundle',
  'int-bundle',
  'int-dir',
  'metadata',
  'remote',
  'responder',
  'responder-key',
  'tls-cert',
  'tls-key',
  'mutual-tls-ca',
  'mutual-tls-cn',
  'tls-remote-ca',
  'mutual-tls-client-cert',
  'mutual-tls-client-key',
  'min-tls-version',
];

async function serveMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) {
    throw new CfsslError('ERR_INPUT', 0, 'argument is provided but not defined; please refer to the usage by flag -h');
  }
  for (const name of NOT_YET) {
    if (ctx.str(name) !== '') throw new CfsslError('ERR_INPUT', 0, `cfssl-ts serve: -${name} is not supported yet`);
  }
  ctx.log.info('Initializing signer');
  let authority: SigningAuthority | null = null;
  try {
    authority = await authorityFromFlags(ctx);
  } catch (e) {
    // cfssl starts anyway, with the signing endpoints off.
    ctx.log.warning(`couldn't initialize signer: ${e instanceof Error ? e.message : String(e)}`);
  }
  const write: Record<ServerLogLevel, (m: string) => void> = {
    DEBUG: (m) => ctx.log.debug(m),
    INFO: (m) => ctx.log.info(m),
    WARNING: (m) => ctx.log.warning(m),
    ERROR: (m) => ctx.log.error(m),
  };
  const disable = ctx.str('disable');
  // cfssl serve: the store is opened before the handlers; a bad db-config stops the server from starting.
  const store = ctx.str('db-config') === '' ? null : await storeFromFlags(ctx);
  const { server, handler, stop } = createCfsslServer({
    authority,
    store,
    policy: policyFromContext(ctx),
    disable: disable === '' ? [] : disable.split(','),
    log: (level, message) => write[level](message),
  });
  for (const name of handler.enabled) ctx.log.info(`endpoint '/api/v1/cfssl/${name}' is enabled`);
  for (const [name, why] of handler.disabled) {
    if (why === 'explicitly disabled') ctx.log.info(`endpoint '${name}' is explicitly disabled`);
    else ctx.log.warning(`endpoint '${name}' is disabled: ${why}`);
  }
  ctx.log.info('Handler set up complete.');
  const address = ctx.str('address');
  const port = Number(ctx.flags.values.get('port') ?? 8888);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve());
  });
  // net.JoinHostPort
  ctx.log.info(`Now listening on ${address.includes(':') ? `[${address}]` : address}:${port}`);
  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then return (exit 0).
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  await stop();
  await store?.close();
}

export const serveCommand: CfsslCommand = {
  name: 'serve',
  usageText: USAGE,
  listedFlags: ['address', 'port', 'ca', 'ca-key', 'config', 'db-config', 'disable', 'loglevel', ...NOT_YET],
  main: serveMain,
};
