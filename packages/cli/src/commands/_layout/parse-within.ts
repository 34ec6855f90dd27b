// -within of check and renew: a Go duration (720h, 90m) or whole days (30d), as milliseconds.
import { CfsslError } from '@cfssl-ts/core';
import { GoDurationError, parseGoDuration } from '@cfssl-ts/core/go';

const DAY_MS = 86_400_000;

/**
 * `30d` is 30 days; anything else is read with Go's time.ParseDuration (`720h`, `1h30m`, `0`).
 * A negative window, or text that is neither, is a CLI error naming the flag.
 *
 * @example parseWithin('30d') // 2592000000
 */
export function parseWithin(text: string): number {
  const days = /^(\d{1,6})d$/.exec(text);
  if (days !== null) return Number(days[1]) * DAY_MS;
  let ns: bigint;
  try {
    ns = parseGoDuration(text);
  } catch (error) {
    if (!(error instanceof GoDurationError)) throw error;
    throw new CfsslError(
      'ERR_INPUT',
      0,
      `invalid -within ${JSON.stringify(text)}: want a Go duration (720h, 90m) or days (30d): ${error.message}`,
      {
        cause: error,
      },
    );
  }
  if (ns < 0n) throw new CfsslError('ERR_INPUT', 0, `invalid -within ${JSON.stringify(text)}: the window cannot be negative`);
  return Number(ns / 1_000_000n);
}
