// cfssl serve (reference §2.8, §6): the API over HTTP on -address:-port, until SIGTERM or SIGINT.
import { CfsslError, type SigningAuthority } from '@cfssl-ts/core';
import { compileGoRegexp } from '@cfssl-ts/core/go';
import {
  createCfsslServer,
  tlsVersionFromFlag,
  type CfsslTlsOptions,
  type OcspSigningOptions,
  type ServerLogLevel,
} from '@cfssl-ts/server';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readInputFile } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { superviseWorkers } from './_internal/serve-workers.js';
import { untilStopSignal } from './_internal/until-stop-signal.js';
import { authorityFromFlags, policyFromContext } from './_internal/signer-from-flags.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';
import { authsignMaxAgeFromFlags } from './_internal/authsign-max-age.js';
import { ocspSignerFromFlags } from './_ocsp/ocsp-signer-from-flags.js';

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
const NOT_YET = ['int-dir', 'metadata', 'remote', 'tls-remote-ca', 'mutual-tls-client-cert', 'mutual-tls-client-key'];

// serve.go: HTTPS only when both -tls-cert and -tls-key are given; -mutual-tls-cn only with -mutual-tls-ca.
async function tlsFromFlags(ctx: CommandContext): Promise<CfsslTlsOptions | null> {
  if (ctx.str('tls-cert') === '' || ctx.str('tls-key') === '') return null;
  const tls: CfsslTlsOptions = {
    cert: await readInputFile(ctx.str('tls-cert'), ctx.io),
    key: await readInputFile(ctx.str('tls-key'), ctx.io),
    minVersion: tlsVersionFromFlag(ctx.str('min-tls-version')),
  };
  if (ctx.str('mutual-tls-ca') !== '') {
    try {
      tls.clientCa = await readInputFile(ctx.str('mutual-tls-ca'), ctx.io);
    } catch (e) {
      throw new CfsslError('ERR_INPUT', 0, `failed to load mutual TLS CA file: ${e instanceof Error ? e.message : String(e)}`);
    }
    const cn = ctx.str('mutual-tls-cn');
    if (cn !== '') {
      try {
        tls.clientCn = compileGoRegexp(cn);
      } catch (e) {
        throw new CfsslError('ERR_INPUT', 0, `malformed CN regex: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return tls;
}

// The page at /: packages/web/dist when it is built beside this package (packages/cli/dist/commands/serve.js),
// else the server's built-in page.
function webDist(): string | null {
  const dir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
  return existsSync(`${dir}index.html`) ? dir : null;
}

// The bundler's stores: -ca-bundle / -int-bundle files (a failure switches the bundle endpoint off in cfssl;
// here it stops the start), else the default roots.
async function bundleStores(ctx: CommandContext): Promise<{ roots: Uint8Array | null; intermediates: Uint8Array | null } | undefined> {
  const ca = ctx.str('ca-bundle');
  const int = ctx.str('int-bundle');
  if (ca === '' && int === '') return undefined;
  return {
    roots: ca === '' ? null : await readInputFile(ca, ctx.io),
    intermediates: int === '' ? null : await readInputFile(int, ctx.io),
  };
}

async function serveMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) {
    throw new CfsslError('ERR_INPUT', 0, 'argument is provided but not defined; please refer to the usage by flag -h');
  }
  for (const name of NOT_YET) {
    if (ctx.str(name) !== '') throw new CfsslError('ERR_INPUT', 0, `cfssl-ts serve: -${name} is not supported yet`);
  }
  if (!cluster.isWorker) ctx.log.info('Initializing signer');
  let authority: SigningAuthority | null = null;
  try {
    authority = await authorityFromFlags(ctx);
  } catch (e) {
    // cfssl starts anyway, with the signing endpoints off.
    ctx.log.warning(`couldn't initialize signer: ${e instanceof Error ? e.message : String(e)}`);
  }
  // ocspsign.SignerFromConfig (-ca, -responder, -responder-key; -interval's default 96h): a failure only
  // switches the ocspsign endpoint off.
  let ocspSigner: OcspSigningOptions | null = null;
  try {
    ocspSigner = await ocspSignerFromFlags(ctx);
  } catch (e) {
    if (!cluster.isWorker) ctx.log.warning(`couldn't initialize ocsp signer: ${e instanceof Error ? e.message : String(e)}`);
  }
  const write: Record<ServerLogLevel, (m: string) => void> = {
    DEBUG: (m) => ctx.log.debug(m),
    INFO: (m) => ctx.log.info(m),
    WARNING: (m) => ctx.log.warning(m),
    ERROR: (m) => ctx.log.error(m),
  };
  const disable = ctx.str('disable');
  const tls = await tlsFromFlags(ctx);
  const authsignMaxAge = authsignMaxAgeFromFlags(ctx);
  const bundle = await bundleStores(ctx);
  // cfssl serve: the store is opened before the handlers; a bad db-config stops the server from starting.
  const store = ctx.str('db-config') === '' ? null : await storeFromFlags(ctx);
  const { server, handler, stop } = createCfsslServer({
    tls,
    staticDir: webDist(),
    ...(bundle ? { bundle } : {}),
    authority,
    ocspSigner,
    store,
    policy: policyFromContext(ctx),
    disable: disable === '' ? [] : disable.split(','),
    authsignMaxAge,
    log: (level, message) => write[level](message),
  });
  // Workers (node:cluster) run this same command; only the primary logs the start.
  const worker = cluster.isWorker;
  const info = (m: string) => (worker ? undefined : ctx.log.info(m));
  for (const name of handler.enabled) info(`endpoint '/api/v1/cfssl/${name}' is enabled`);
  for (const [name, why] of handler.disabled) {
    if (why === 'explicitly disabled') info(`endpoint '${name}' is explicitly disabled`);
    else if (!worker) ctx.log.warning(`endpoint '${name}' is disabled: ${why}`);
  }
  info(handler.staticPage ? "endpoint '/' is enabled" : "endpoint '/' is explicitly disabled");
  info('Handler set up complete.');
  const address = ctx.str('address');
  const port = Number(ctx.flags.values.get('port') ?? 8888);
  // net.JoinHostPort
  const hostPort = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  const listening = () => {
    if (tls === null) info(`Now listening on ${hostPort}`);
    else if (tls.clientCa != null) info(`Now listening with mutual TLS on https://${hostPort}`);
    else info(`Now listening on https://${hostPort}`);
  };
  const workersFlag = Number(ctx.flags.values.get('workers') ?? 0);
  const workers = workersFlag > 0 ? workersFlag : availableParallelism();
  if (!worker && workers > 1) {
    // The primary only supervises; each worker listens on the shared port.
    await superviseWorkers(ctx, workers, listening);
    await store?.close();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve());
  });
  listening();
  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then return (exit 0).
  await untilStopSignal();
  await stop();
  await store?.close();
  // A worker's IPC channel keeps it alive: close it so the process ends.
  cluster.worker?.disconnect();
}

export const serveCommand: CfsslCommand = {
  name: 'serve',
  usageText: USAGE,
  listedFlags: [
    'address',
    'port',
    'ca',
    'ca-key',
    'config',
    'db-config',
    'disable',
    'loglevel',
    'ca-bundle',
    'int-bundle',
    'tls-cert',
    'tls-key',
    'mutual-tls-ca',
    'mutual-tls-cn',
    'min-tls-version',
    'responder',
    'responder-key',
    'workers',
    'authsign-max-age',
    ...NOT_YET,
  ],
  main: serveMain,
};
