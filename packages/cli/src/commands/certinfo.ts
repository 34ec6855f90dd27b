// cfssl certinfo (reference §2.6): describe a certificate (-cert, -domain) or dump a CSR (-csr).
import { CfsslError, certificateInfoFromPem, certificateInfoJson, csrInfoFromPem } from '@cfssl-ts/core';
import { readStdinOrFile } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { fetchPeerCertificate } from './_certinfo/fetch-peer-certificate.js';
import { storeFromFlags } from './_internal/certdb-from-flags.js';

const USAGE = `cfssl certinfo -- output certinfo about the given cert

Usage of certinfo:
	- Data from local certificate files
        cfssl certinfo -cert file
	- Data from local CSR file
        cfssl certinfo -csr file
	- Data from certificate from remote server.
        cfssl certinfo -domain domain_name
	- Data from CA storage
        cfssl certinfo -sn serial (requires -db-config and -aki)

Flags:
`;

function plain(message: string): CfsslError {
  return new CfsslError('ERR_INPUT', 0, message);
}

// The leaf of a TLS peer, which Go's handshake has already parsed (or refused to).
async function domainInfo(domain: string): Promise<string> {
  const der = await fetchPeerCertificate(domain);
  try {
    return certificateInfoJson(der);
  } catch (e) {
    const cause = e instanceof CfsslError && e.cause instanceof Error ? e.cause.message : String(e);
    throw plain(`tls: failed to parse certificate from server: ${cause}`);
  }
}

// cfssl certinfo.ParseSerialNumber: the AKI is lowercased and its colons dropped before the exact match.
async function storedCertificateInfo(ctx: CommandContext, serial: string, aki: string): Promise<string> {
  const store = await storeFromFlags(ctx);
  try {
    const rows = await store.get(serial, aki.toLowerCase().replaceAll(':', ''));
    if (rows.length < 1) throw plain('no certificate found');
    if (rows.length > 1) throw plain('more than one certificate found');
    return certificateInfoFromPem(new TextEncoder().encode((rows[0] as { pem: string }).pem));
  } finally {
    await store.close();
  }
}

async function certinfoMain(ctx: CommandContext): Promise<void> {
  let json: string;
  if (ctx.str('cert') !== '') {
    json = certificateInfoFromPem(await readStdinOrFile(ctx.str('cert'), ctx.io));
  } else if (ctx.str('csr') !== '') {
    json = csrInfoFromPem(await readStdinOrFile(ctx.str('csr'), ctx.io));
  } else if (ctx.str('domain') !== '') {
    json = await domainInfo(ctx.str('domain'));
  } else if (ctx.str('serial') !== '' && ctx.str('aki') !== '') {
    if (ctx.str('db-config') === '') throw plain('need DB config file (provide with -db-config)');
    json = await storedCertificateInfo(ctx, ctx.str('serial'), ctx.str('aki'));
  } else {
    throw plain('Must specify certinfo target through -cert, -csr, -domain or -serial + -aki');
  }
  // fmt.Println
  ctx.io.writeStdout(`${json}\n`);
}

export const certinfoCommand: CfsslCommand = {
  name: 'certinfo',
  usageText: USAGE,
  listedFlags: ['aki', 'cert', 'csr', 'db-config', 'domain', 'serial'],
  main: certinfoMain,
};
