// -authsign-max-age (a cfssl-ts extension of serve and multirootca): authsign replay protection's window.
import { CfsslError } from '@cfssl-ts/core';
import { parseGoDuration } from '@cfssl-ts/core/go';
import type { CommandContext } from '../cfssl-command.js';

/** The window in ms (a Go duration, e.g. `5m`), or null (off) when the flag is empty. */
export function authsignMaxAgeFromFlags(ctx: CommandContext): number | null {
  const value = ctx.str('authsign-max-age');
  if (value === '') return null;
  let ns: bigint;
  try {
    ns = parseGoDuration(value);
  } catch (e) {
    throw new CfsslError('ERR_INPUT', 0, `invalid -authsign-max-age: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (ns <= 0n) throw new CfsslError('ERR_INPUT', 0, `invalid -authsign-max-age ${JSON.stringify(value)}: must be positive`);
  return Number(ns / 1_000_000n);
}
