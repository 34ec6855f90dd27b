// Small pieces shared by several commands.
import { CfsslError, type SigningEnvironment } from '@cfssl-ts/core';
import type { CommandContext } from '../cfssl-command.js';
import { nodeCryptoBackend } from '../../node-crypto/node-crypto-backend.js';

/** cfssl cli.PopFirstArgument. */
export function popFirstArgument(args: readonly string[]): [string, string[]] {
  const [first, ...rest] = args;
  if (first === undefined) {
    throw new CfsslError('ERR_INPUT', 0, 'not enough arguments are supplied --- please refer to the usage');
  }
  return [first, rest];
}

/** cfssl signer.SplitHosts: "" → null, otherwise split on commas with no trimming. */
export function splitHosts(list: string): string[] | null {
  return list === '' ? null : list.split(',');
}

/** The clock and crypto for core calls, honouring the --now replay flag. */
export function signingEnvironment(ctx: CommandContext): SigningEnvironment & { serial?: bigint } {
  const fixedNow = ctx.replay.now;
  const env: SigningEnvironment & { serial?: bigint } = {
    crypto: ctx.crypto,
    backend: nodeCryptoBackend(),
    now: fixedNow === null ? () => ctx.io.now() : () => fixedNow,
  };
  const serial = ctx.replay.serial;
  if (serial !== null) {
    env.serial = serial;
    env.serialNumber = () => serial;
  }
  return env;
}

/** cfssl generator.CSRNoHostMessage, logged when a certificate gets no hosts. */
export const CSR_NO_HOST_MESSAGE = `This certificate lacks a "hosts" field. This makes it unsuitable for
websites. For more information see the Baseline Requirements for the Issuance and Management
of Publicly-Trusted Certificates, v.1.1.6, from the CA/Browser Forum (https://cabforum.org);
specifically, section 10.2.3 ("Information Requirements").`;
