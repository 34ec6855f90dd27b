// cfssl genkey (reference §2.2): a new key and CSR; with -initca, a new CA exactly like gencert -initca.
import { CfsslError, exportPkcs8Pem, generateKeyAndCsr, initCa, parseCsrRequest } from '@cfssl-ts/core';
import { printCert } from '../io/print-cert.js';
import { readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext, popFirstArgument } from './_internal/command-helpers.js';

const USAGE = `cfssl genkey -- generate a new key and CSR

Usage of genkey:
        cfssl genkey CSRJSON

Arguments:
        CSRJSON:    JSON file containing the request, use '-' for reading JSON from stdin

Flags:
`;

async function genkeyMain(ctx: CommandContext): Promise<void> {
  const [csrFile, rest] = popFirstArgument(ctx.args);
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
  const req = parseCsrRequest(text(await readStdinOrFile(csrFile, ctx.io)));
  if (ctx.bool('initca')) {
    ctx.log.info('generating a new CA key and certificate from CSR');
    const r = await initCa(req, issuanceContext(ctx));
    ctx.log.info(`signed certificate with serial number ${r.certificate.serialNumber}`);
    printCert(ctx.io, {
      cert: r.certificate.pem,
      csr: r.csrPem,
      key: r.keyPem === null ? undefined : ctx.bool('pkcs8') ? exportPkcs8Pem(r.key) : r.keyPem,
    });
    return;
  }
  if (req.ca) throw new CfsslError('ERR_CSR_REQUEST', 0, 'ca section only permitted in initca');
  ctx.log.info('generate received request');
  ctx.log.info('received CSR');
  ctx.log.info(`generating key: ${req.key.algo}-${req.key.size}`);
  const generated = await generateKeyAndCsr(req, issuanceContext(ctx));
  ctx.log.info('encoded CSR');
  printCert(ctx.io, { csr: generated.pem, key: ctx.bool('pkcs8') ? exportPkcs8Pem(generated.key) : generated.keyPem });
}

export const genkeyCommand: CfsslCommand = {
  name: 'genkey',
  usageText: USAGE,
  listedFlags: ['initca', 'config', 'serial', 'now', 'pkcs8'],
  readsReplay: true,
  main: genkeyMain,
};
