// cfssl sign (reference §2.4): sign a CSR with -ca/-ca-key or a remote (§6.5) under a profile, optional SUBJECT override file.
import { CfsslError, parseSubjectOverride, signCertificateRequest, type SubjectOverride } from '@cfssl-ts/core';
import { printCert } from '../io/print-cert.js';
import { readInputFile, readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext, popFirstArgument, splitHosts } from './_internal/command-helpers.js';
import { remoteSign } from '@cfssl-ts/remote';
import { authorityFromFlags, policyFromContext } from './_internal/signer-from-flags.js';
import { remoteTargetFor, transportFromFlags } from './_internal/remote-from-flags.js';
import { recordIfDbConfig } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl sign -- signs a client cert with a host name by a given CA and CA key

Usage of sign:
        cfssl sign -ca cert -ca-key key [mutual-tls-cert cert] [mutual-tls-key key] [-config config] [-profile profile] [-hostname hostname] [-db-config db-config] CSR [SUBJECT]
        cfssl sign -remote remote_host [mutual-tls-cert cert] [mutual-tls-key key] [-config config] [-profile profile] [-label label] [-hostname hostname] CSR [SUBJECT]

Arguments:
        CSR:        PEM file for certificate request, use '-' for reading PEM from stdin.

Note: CSR can also be supplied via flag values; flag value will take precedence over the argument.

SUBJECT is an optional file containing subject information to use for the certificate instead of the subject information in the CSR.

Flags:
`;

async function signMain(ctx: CommandContext): Promise<void> {
  let args = ctx.args;
  let csrFile = ctx.str('csr');
  if (csrFile === '') [csrFile, args] = popFirstArgument(args);
  let subject: SubjectOverride | null = null;
  if (args.length > 0) {
    const [subjectFile, rest] = popFirstArgument(args);
    if (rest.length > 0) {
      throw new CfsslError('ERR_INPUT', 0, 'too many arguments are provided, please check with usage');
    }
    subject = parseSubjectOverride(text(await readInputFile(subjectFile, ctx.io)));
  }
  const csr = text(await readStdinOrFile(csrFile, ctx.io));
  if (ctx.str('remote') === '' && ctx.config === null) {
    // cfssl logs these texts and exits 0 with nothing on stdout; a script must learn that nothing was issued (docs/compat.md).
    if (ctx.str('ca') === '') {
      throw new CfsslError('ERR_INPUT', 0, 'need CA certificate (provide one with -ca)');
    }
    if (ctx.str('ca-key') === '') {
      throw new CfsslError('ERR_INPUT', 0, 'need CA key (provide one with -ca-key)');
    }
  }
  const hosts = splitHosts(ctx.str('hostname'));
  const target = remoteTargetFor(ctx, ctx.str('profile'));
  if (target !== null) {
    const cert = await remoteSign({
      ...target,
      transport: await transportFromFlags(ctx),
      request: { certificate_request: csr, hosts, subject, profile: ctx.str('profile'), label: ctx.str('label') },
      crypto: ctx.crypto,
      onError: (m) => {
        ctx.log.error(m);
      },
    });
    printCert(ctx.io, { cert, csr });
    return;
  }
  const authority = await authorityFromFlags(ctx);
  const context = issuanceContext(ctx);
  const cert = await signCertificateRequest(
    { request: csr, hosts, subject, profile: ctx.str('profile') },
    policyFromContext(ctx),
    authority,
    context,
  );
  ctx.log.info(`signed certificate with serial number ${cert.serialNumber}`);
  await recordIfDbConfig(ctx, cert, context.now());
  printCert(ctx.io, { cert: cert.pem, csr });
}

export const signCommand: CfsslCommand = {
  name: 'sign',
  usageText: USAGE,
  // cfssl lists "mutual-tls-cert"/"mutual-tls-key", which are not flag names, so its help omits them.
  listedFlags: ['hostname', 'csr', 'ca', 'ca-key', 'config', 'profile', 'label', 'remote', 'db-config', 'serial', 'now'],
  readsReplay: true,
  main: signMain,
};
