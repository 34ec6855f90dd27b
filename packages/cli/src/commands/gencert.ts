// cfssl gencert (reference §2.1): -initca, -initca -ca-key, or key + CSR signed by -ca/-ca-key or a remote (§6.5).
import {
  CfsslError,
  exportPkcs8Pem,
  generateKeyAndCsr,
  importPrivateKeyPem,
  initCa,
  parseCaCertificatePem,
  parseCsrRequest,
  renewCa,
  signCertificateRequest,
  type CertificateRequestSpec,
} from '@cfssl-ts/core';
import { recordIfDbConfig } from './_internal/certdb-from-flags.js';
import { printCert } from '../io/print-cert.js';
import { renderCfsslError } from '../render-cfssl-error.js';
import { readBytesSource, readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { remoteSign } from '@cfssl-ts/remote';
import { authorityFromFlags, policyFromContext } from './_internal/signer-from-flags.js';
import { remoteTargetFor, transportFromFlags } from './_internal/remote-from-flags.js';
import { CSR_NO_HOST_MESSAGE, issuanceContext, popFirstArgument, splitHosts } from './_internal/command-helpers.js';

const USAGE = `cfssl gencert -- generate a new key and signed certificate

Usage of gencert:
    Generate a new key and cert from CSR:
        cfssl gencert -initca CSRJSON
        cfssl gencert -ca cert -ca-key key [-config config] [-profile profile] [-hostname hostname] CSRJSON
        cfssl gencert -remote remote_host [-config config] [-profile profile] [-label label] [-hostname hostname] CSRJSON

    Re-generate a CA cert with the CA key and CSR:
        cfssl gencert -initca -ca-key key CSRJSON

    Re-generate a CA cert with the CA key and certificate:
        cfssl gencert -renewca -ca cert -ca-key key

Arguments:
        CSRJSON:    JSON file containing the request, use '-' for reading JSON from stdin

Flags:
`;

async function readRequest(ctx: CommandContext): Promise<CertificateRequestSpec> {
  const [csrFile, rest] = popFirstArgument(ctx.args);
  if (rest.length > 0) throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
  const req = parseCsrRequest(text(await readStdinOrFile(csrFile, ctx.io)));
  if (ctx.str('cn') !== '') req.CN = ctx.str('cn');
  return req;
}

async function initca(ctx: CommandContext, req: CertificateRequestSpec): Promise<void> {
  const context = issuanceContext(ctx);
  const caKey = ctx.str('ca-key');
  if (caKey !== '') {
    ctx.log.info('re-generate a CA certificate from CSR and CA key');
    const key = await importPrivateKeyPem(text(await readBytesSource(caKey, ctx.io)), ctx.crypto);
    const r = await initCa(req, { ...context, key });
    ctx.log.info('encoded CSR');
    ctx.log.info(`signed certificate with serial number ${r.certificate.serialNumber}`);
    printCert(ctx.io, { cert: r.certificate.pem, csr: r.csrPem });
    return;
  }
  ctx.log.info('generating a new CA key and certificate from CSR');
  ctx.log.info('generate received request');
  ctx.log.info('received CSR');
  ctx.log.info(`generating key: ${req.key.algo}-${req.key.size}`);
  const r = await initCa(req, context);
  ctx.log.info('encoded CSR');
  ctx.log.info(`signed certificate with serial number ${r.certificate.serialNumber}`);
  printCert(ctx.io, {
    cert: r.certificate.pem,
    csr: r.csrPem,
    key: r.keyPem === null ? undefined : ctx.bool('pkcs8') ? exportPkcs8Pem(r.key) : r.keyPem,
  });
}

async function gencertMain(ctx: CommandContext): Promise<void> {
  if (ctx.bool('renewca')) {
    // cfssl initca.RenewFromPEM: -ca and -ca-key only; errors are logged, then returned.
    ctx.log.info('re-generate a CA certificate from CA cert and key');
    try {
      const readSource = (value: string) =>
        value === '' ? Promise.reject(new CfsslError('ERR_INPUT', 0, 'open : no such file or directory')) : readBytesSource(value, ctx.io);
      const caCert = parseCaCertificatePem(text(await readSource(ctx.str('ca'))));
      const caKey = await importPrivateKeyPem(text(await readSource(ctx.str('ca-key'))), ctx.crypto);
      const renewed = await renewCa(caCert, caKey, issuanceContext(ctx));
      ctx.log.info('encoded CSR');
      ctx.log.info(`signed certificate with serial number ${renewed.serialNumber}`);
      printCert(ctx.io, { cert: renewed.pem });
    } catch (err) {
      if (err instanceof CfsslError) ctx.log.error(renderCfsslError(err));
      throw err;
    }
    return;
  }
  const req = await readRequest(ctx);
  if (ctx.bool('initca')) return initca(ctx, req);

  if (req.ca) throw new CfsslError('ERR_CSR_REQUEST', 0, 'ca section only permitted in initca');
  const hostname = ctx.str('hostname');
  if (hostname !== '') req.hosts = splitHosts(hostname) ?? [];
  if (ctx.str('remote') === '' && ctx.config === null) {
    // cfssl logs these texts and exits 0 with nothing on stdout; a script must learn that nothing was issued (docs/compat.md).
    if (ctx.str('ca') === '') {
      throw new CfsslError('ERR_INPUT', 0, 'need a CA certificate (provide one with -ca)');
    }
    if (ctx.str('ca-key') === '') {
      throw new CfsslError('ERR_INPUT', 0, 'need a CA key (provide one with -ca-key)');
    }
  }
  ctx.log.info('generate received request');
  ctx.log.info('received CSR');
  ctx.log.info(`generating key: ${req.key.algo}-${req.key.size}`);
  const context = issuanceContext(ctx);
  const generated = await generateKeyAndCsr(req, context);
  ctx.log.info('encoded CSR');
  const hosts = splitHosts(hostname);
  const printed = { csr: generated.pem, key: ctx.bool('pkcs8') ? exportPkcs8Pem(generated.key) : generated.keyPem };
  const target = remoteTargetFor(ctx, ctx.str('profile'));
  if (target !== null) {
    // signer/remote: the CSR made here is signed by the server; the server logs the serial, the client does not.
    const cert = await remoteSign({
      ...target,
      transport: await transportFromFlags(ctx),
      request: {
        certificate_request: generated.pem,
        hosts,
        profile: ctx.str('profile'),
        label: ctx.str('label'),
        crl_override: ctx.str('crl'),
      },
      crypto: ctx.crypto,
      onError: (m) => {
        ctx.log.error(m);
      },
    });
    if ((hosts === null || hosts.length === 0) && req.hosts.length === 0) ctx.log.warning(CSR_NO_HOST_MESSAGE);
    printCert(ctx.io, { cert, ...printed });
    return;
  }
  const authority = await authorityFromFlags(ctx);
  const cert = await signCertificateRequest(
    {
      request: generated.pem,
      hosts,
      profile: ctx.str('profile'),
      crlOverride: ctx.str('crl'),
    },
    policyFromContext(ctx),
    authority,
    context,
  );
  ctx.log.info(`signed certificate with serial number ${cert.serialNumber}`);
  await recordIfDbConfig(ctx, cert, context.now());
  if ((hosts === null || hosts.length === 0) && req.hosts.length === 0) ctx.log.warning(CSR_NO_HOST_MESSAGE);
  printCert(ctx.io, { cert: cert.pem, ...printed });
}

export const gencertCommand: CfsslCommand = {
  name: 'gencert',
  usageText: USAGE,
  listedFlags: ['initca', 'remote', 'ca', 'ca-key', 'config', 'cn', 'hostname', 'profile', 'label', 'serial', 'now', 'pkcs8'],
  readsReplay: true,
  main: gencertMain,
};
