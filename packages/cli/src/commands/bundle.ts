// cfssl bundle (reference §2.9): the chain of -cert built from -ca-bundle / -int-bundle (or the system
// roots), verified like Go's x509 and printed as cfssl's bundle JSON (no trailing newline).
import { CfsslError } from '@cfssl-ts/core';
import { buildBundle, marshalBundleJson } from '@cfssl-ts/core/bundle';
import { INPUT_LIMITS } from '../io/input-limits.js';
import { readFileBounded } from '../io/read-bounded.js';
import { readInputFile, readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext } from './_internal/command-helpers.js';

const USAGE = `cfssl bundle -- create a certificate bundle that contains the client cert

Usage of bundle:
	- Bundle local certificate files
        cfssl bundle -cert file [-ca-bundle file] [-int-bundle file] [-int-dir dir] [-metadata file] [-key keyfile] [-flavor optimal|ubiquitous|force] [-password password]
	- Bundle certificate from remote server.
        cfssl bundle -domain domain_name [-ip ip_address] [-ca-bundle file] [-int-bundle file] [-int-dir dir] [-metadata file]

Flags:
`;

// Where Go's crypto/x509 looks for the system roots on Linux (root_linux.go certFiles), after SSL_CERT_FILE.
const SYSTEM_ROOT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

async function systemRoots(ctx: CommandContext): Promise<Uint8Array | null> {
  const files = ctx.io.env.SSL_CERT_FILE ? [ctx.io.env.SSL_CERT_FILE] : SYSTEM_ROOT_FILES;
  for (const file of files) {
    try {
      const pem = text(await readFileBounded(file, file, INPUT_LIMITS.file));
      // Go AppendCertsFromPEM keeps only the CERTIFICATE blocks that parse; keep the certificate blocks.
      const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
      return new TextEncoder().encode(blocks.join('\n'));
    } catch {
      // try the next location
    }
  }
  return null;
}

async function readStore(path: string, ctx: CommandContext, code: number): Promise<Uint8Array> {
  try {
    return await readInputFile(path, ctx.io);
  } catch (err) {
    ctx.log.error(`${code === 4001 ? 'root' : 'intermediate'} bundle failed to load: ${err instanceof Error ? err.message : String(err)}`);
    throw new CfsslError('ERR_CERTIFICATE', code, err instanceof Error ? err.message : String(err), { cause: err });
  }
}

async function bundleMain(ctx: CommandContext): Promise<void> {
  for (const flag of ['int-dir', 'metadata'] as const) {
    if (ctx.str(flag) !== '') throw new CfsslError('ERR_INPUT', 0, `cfssl-ts: bundle -${flag} is not supported`);
  }
  const flavor = ctx.str('flavor');
  let roots: Uint8Array | null = null;
  let intermediates: Uint8Array | null = null;
  if (flavor !== 'force') {
    roots = ctx.str('ca-bundle') !== '' ? await readStore(ctx.str('ca-bundle'), ctx, 4001) : await systemRoots(ctx);
    if (ctx.str('int-bundle') !== '') intermediates = await readStore(ctx.str('int-bundle'), ctx, 3001);
  }

  const certFile = ctx.str('cert');
  if (certFile === '') {
    if (ctx.str('domain') !== '')
      throw new CfsslError('ERR_INPUT', 0, 'cfssl-ts: bundle -domain (fetching a server certificate) is not supported');
    throw new CfsslError('ERR_INPUT', 0, 'Must specify bundle target through -cert or -domain');
  }
  let certificates: Uint8Array;
  let key: string | null = null;
  const keyFile = ctx.str('key');
  if (certFile === '-') {
    certificates = await readStdinOrFile('-', ctx.io);
    if (keyFile !== '') key = text(await readStdinOrFile(keyFile, ctx.io));
  } else {
    try {
      certificates = await readInputFile(certFile, ctx.io);
    } catch (err) {
      throw new CfsslError('ERR_CERTIFICATE', 1001, err instanceof Error ? err.message : String(err), { cause: err });
    }
    if (keyFile !== '') {
      try {
        key = text(await readInputFile(keyFile, ctx.io));
      } catch (err) {
        throw new CfsslError('ERR_PRIVATE_KEY', 2001, err instanceof Error ? err.message : String(err), { cause: err });
      }
      // cfssl wraps a nil error here and panics; an empty key file cannot be decoded.
      if (key === '') throw new CfsslError('ERR_PRIVATE_KEY', 2002);
    }
  }

  const bundle = await buildBundle({
    certificates,
    key,
    roots,
    intermediates,
    flavor,
    now: issuanceContext(ctx).now,
    crypto: ctx.crypto,
    log: (level, message) => (level === 'info' ? ctx.log.info(message) : ctx.log.warning(message)),
  });
  ctx.io.writeStdout(marshalBundleJson(bundle));
}

export const bundleCommand: CfsslCommand = {
  name: 'bundle',
  usageText: USAGE,
  listedFlags: ['cert', 'key', 'ca-bundle', 'int-bundle', 'flavor', 'int-dir', 'metadata', 'domain', 'ip', 'password'],
  readsReplay: true,
  main: bundleMain,
};
