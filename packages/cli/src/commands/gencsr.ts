// cfssl gencsr (1.6, reference §2.3): a CSR for an existing key, from CSR JSON or from a certificate.
import {
  CfsslError,
  createCsrForKey,
  importPrivateKeyPem,
  parseCaCertificatePem,
  parseCsrRequest,
  requestFromCertificate,
} from '@cfssl-ts/core';
import { printCert } from '../io/print-cert.js';
import { readBytesSource, readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext, popFirstArgument, splitHosts } from './_internal/command-helpers.js';

const USAGE = `cfssl gencsr -- generate a csr from a private key with existing CSR json specification or certificate

Usage of gencsr:
        cfssl gencsr -key private_key_file [-host hostname_override] CSRJSON
        cfssl gencsr -key private_key_file [-host hostname_override] -cert certificate_file

Arguments:
        CSRJSON:    JSON file containing the request, use '-' for reading JSON from stdin

Flags:
`;

function plain(message: string): CfsslError {
  return new CfsslError('ERR_INPUT', 0, message);
}

async function gencsrMain(ctx: CommandContext): Promise<void> {
  const keyFile = ctx.str('key');
  if (keyFile === '') throw plain("private key file is required through '-key', please check with usage");
  const keyText = text(await readBytesSource(keyFile, ctx.io));
  const key = await importPrivateKeyPem(keyText, ctx.crypto);
  let req;
  if (ctx.str('cert') !== '') {
    if (ctx.args.length > 0) throw plain("no argument is accepted with '-cert', please check with usage");
    req = requestFromCertificate(parseCaCertificatePem(text(await readBytesSource(ctx.str('cert'), ctx.io))));
  } else {
    const [csrFile, rest] = popFirstArgument(ctx.args);
    if (rest.length > 0) throw plain('only one argument is accepted, please check with usage');
    req = parseCsrRequest(text(await readStdinOrFile(csrFile, ctx.io)));
  }
  const hosts = splitHosts(ctx.str('hostname'));
  if (hosts !== null) req.hosts = hosts;
  const csr = await createCsrForKey(req, key, issuanceContext(ctx));
  ctx.log.info('encoded CSR');
  printCert(ctx.io, { key: keyText, csr: csr.pem });
}

export const gencsrCommand: CfsslCommand = {
  name: 'gencsr',
  usageText: USAGE,
  listedFlags: ['key', 'cert'],
  readsReplay: true,
  main: gencsrMain,
};
