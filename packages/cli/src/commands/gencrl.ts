// cfssl gencrl (reference §2.10): a CRL revoking the serials of a file, signed by CERT/KEY, valid TIME seconds.
import {
  CfsslError,
  createCrl,
  crlLifetimeSeconds,
  encodePem,
  importPrivateKeyPem,
  parseCaCertificatePem,
  parseCrlSerialList,
} from '@cfssl-ts/core';
import { encodeGoBase64Std } from '@cfssl-ts/core/go';
import { INPUT_LIMITS } from '../io/input-limits.js';
import { readStdinOrFile, text } from '../io/read-input.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { issuanceContext, popFirstArgument } from './_internal/command-helpers.js';

const USAGE = `cfssl gencrl -- generate a new Certificate Revocation List

Usage of gencrl:
        cfssl gencrl INPUTFILE CERT KEY TIME

Arguments:
        INPUTFILE:               Text file with one serial number per line, use '-' for reading text from stdin
        CERT:                    The certificate that is signing this CRL, use '-' for reading text from stdin
        KEY:                     The private key of the certificate that is signing the CRL, use '-' for reading text from stdin
        TIME (OPTIONAL):         The desired expiration from now, in seconds

Flags:
`;

// -number (cfssl-ts extension): decimal or 0x-hex, non-negative.
function crlNumberFlag(value: string): bigint | null {
  if (value === '') return null;
  if (!/^(0[xX][0-9a-fA-F]+|\d+)$/.test(value)) {
    throw new CfsslError('ERR_INPUT', 0, `cfssl-ts: invalid -number ${JSON.stringify(value)}: want a decimal or 0x-hex integer`);
  }
  return BigInt(value);
}

async function gencrlMain(ctx: CommandContext): Promise<void> {
  const crlNumber = crlNumberFlag(ctx.str('number'));
  const [serialFile, afterSerial] = popFirstArgument(ctx.args);
  const serialText = text(await readStdinOrFile(serialFile, ctx.io, INPUT_LIMITS.serialList));
  const [certFile, afterCert] = popFirstArgument(afterSerial);
  const certText = text(await readStdinOrFile(certFile, ctx.io));
  const [keyFile, afterKey] = popFirstArgument(afterCert);
  const keyText = text(await readStdinOrFile(keyFile, ctx.io));
  // 1.6: TIME is the literal number of seconds (1.2 read it as a file name); extra arguments are ignored.
  const timeText = afterKey.length > 0 ? afterKey[0]!.trim() : '0';

  // crl.NewCRLFromFile order: lifetime, certificate, serials, key.
  let lifetime: number;
  try {
    lifetime = crlLifetimeSeconds(timeText);
  } catch (err) {
    throw new CfsslError('ERR_INPUT', 0, err instanceof Error ? err.message : String(err), { cause: err });
  }
  const issuer = parseCaCertificatePem(certText);
  let serials: bigint[];
  try {
    serials = parseCrlSerialList(serialText);
  } catch (err) {
    if (!(err instanceof CfsslError)) throw err;
    // the line number alone does not say which file
    throw new CfsslError('ERR_INPUT', 0, `${serialFile === '-' ? 'standard input' : serialFile}: ${err.message}`, { cause: err });
  }
  const password = ctx.io.env.CFSSL_CA_PK_PASSWORD;
  const key = await importPrivateKeyPem(keyText, ctx.crypto, password ? password : undefined);

  const context = issuanceContext(ctx);
  const now = context.now();
  const der = await createCrl({
    issuer,
    key,
    revoked: serials.map((serialNumber) => ({ serialNumber, revocationTime: now })),
    thisUpdate: now,
    nextUpdate: now + lifetime * 1000,
    crlNumber,
    backend: context.backend,
  });
  // cli.PrintCRL: base64 DER and a newline; -pem (cfssl-ts extension) prints an X509 CRL PEM block.
  ctx.io.writeStdout(ctx.bool('pem') ? encodePem('X509 CRL', der) : `${encodeGoBase64Std(der)}\n`);
}

export const gencrlCommand: CfsslCommand = {
  name: 'gencrl',
  usageText: USAGE,
  listedFlags: ['number', 'pem'],
  readsReplay: true,
  main: gencrlMain,
};
