// cfssl selfsign (reference §2.5, §5.13): a new key, its CSR and a self-signed certificate for testing.
import { CfsslError, exportPkcs8Pem, generateKeyAndCsr, parseCsrRequest, selectSelfSignProfile, selfSignCertificate } from '@cfssl-ts/core';
import { printCert } from '../io/print-cert.js';
import { readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext, popFirstArgument } from './_internal/command-helpers.js';

const USAGE = `cfssl selfsign -- generate a new self-signed key and signed certificate

Usage of gencert:
        cfssl selfsign HOSTNAME CSRJSON

WARNING: this should ONLY be used for testing. This should never be
used in production.

WARNING: self-signed certificates are insecure; they do not provide
the authentication required for secure systems. Use these at your own
risk.

Arguments:
        HOSTNAME:   Hostname for the cert
        CSRJSON:    JSON file containing the request, use '-' for reading JSON from stdin

Flags:
`;

/** cfssl cli/selfsign prints this on stderr before the JSON (text of cfssl 1.6.5). */
const SELF_SIGN_WARNING = `*** WARNING ***

Self-signed certificates are dangerous. Use this self-signed
certificate at your own risk.

It is strongly recommended that these certificates NOT be used
in production.

*** WARNING ***

`;

async function selfsignMain(ctx: CommandContext): Promise<void> {
  let args = ctx.args;
  // HOSTNAME is required (and never used) unless -hostname or -initca is given.
  if (ctx.str('hostname') === '' && !ctx.bool('initca')) [, args] = popFirstArgument(args);
  const [csrFile, rest] = popFirstArgument(args);
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'too many arguments are provided, please check with usage');
  const req = parseCsrRequest(text(await readStdinOrFile(csrFile, ctx.io)));

  ctx.log.info('generate received request');
  ctx.log.info('received CSR');
  ctx.log.info(`generating key: ${req.key.algo}-${req.key.size}`);
  const context = issuanceContext(ctx);
  const generated = await generateKeyAndCsr(req, context);
  ctx.log.info('encoded CSR');

  const profile = selectSelfSignProfile(ctx.config?.policy ?? null, ctx.str('profile'));
  const cert = await selfSignCertificate(generated.key, generated.pem, profile, context);
  ctx.io.writeStderr(SELF_SIGN_WARNING);
  const key = ctx.bool('pkcs8') ? exportPkcs8Pem(generated.key) : generated.keyPem;
  printCert(ctx.io, { cert: cert.pem, csr: generated.pem, key });
}

export const selfsignCommand: CfsslCommand = {
  name: 'selfsign',
  usageText: USAGE,
  listedFlags: ['config', 'pkcs8'],
  readsReplay: true,
  main: selfsignMain,
};
