// Small pieces shared by several commands.
import { CfsslError, resolveIssuanceContext, type IssuanceContext } from '@cfssl-ts/core';
import { parseGoDuration } from '@cfssl-ts/core/go';
import { nodeCryptoBackend } from '@cfssl-ts/core/node';
import type { CommandContext } from '../cfssl-command.js';

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

/** A duration flag (Go time.Duration, nanoseconds) in ms, truncated; `fallback` when unset. */
export function durationFlagMs(ctx: CommandContext, name: string, fallback: string): number {
  const value = ctx.flags.values.get(name);
  return Number(parseGoDuration(typeof value === 'string' ? value : fallback) / 1_000_000n);
}

/** The issuance context of a command: node:crypto, the process clock, and the --now / --serial replay flags. */
export function issuanceContext(ctx: CommandContext): IssuanceContext {
  const { now, serial } = ctx.replay;
  return resolveIssuanceContext({
    backend: nodeCryptoBackend(),
    now: now === null ? () => ctx.io.now() : () => now,
    ...(serial === null ? {} : { serialNumber: serial }),
  });
}

/** cfssl generator.CSRNoHostMessage, logged when a certificate gets no hosts. */
export const CSR_NO_HOST_MESSAGE = `This certificate lacks a "hosts" field. This makes it unsuitable for
websites. For more information see the Baseline Requirements for the Issuance and Management
of Publicly-Trusted Certificates, v.1.1.6, from the CA/Browser Forum (https://cabforum.org);
specifically, section 10.2.3 ("Information Requirements").`;
