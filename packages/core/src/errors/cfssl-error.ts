// cfssl's error model (cfssl/errors): cfssl code = category*1000 + reason; `{"code":N,"message":"..."}`.
import type { ConfigFinding } from '../config/signing-policy.js';
import { CFSSL_NUMERIC_CODES, type CfsslErrorCode } from './error-catalogue.js';

const DEFAULT_MESSAGES: ReadonlyMap<number, string> = new Map(CFSSL_NUMERIC_CODES.map((c) => [c.cfsslCode, c.message]));

/** Options of a {@link CfsslError}. */
export interface CfsslErrorOptions {
  cause?: unknown;
  /** For `invalid configuration`: every problem `Valid()` found, each with its dot path. */
  findings?: readonly ConfigFinding[];
}

/**
 * An error as cfssl reports it: `code` is a stable string for programs, `cfsslCode` cfssl's number.
 * A `cfsslCode` of 0 marks a plain error: cfssl returned a Go error, so it prints the message alone,
 * not `{"code":N,"message":"..."}`. Without a message, cfssl's default text for the code is used.
 *
 * @example
 * try { parseConfig(text) } catch (e) { if (e instanceof CfsslError && e.code === 'ERR_CONFIG') console.error(e.cfsslCode, e.message) }
 * new CfsslError('ERR_POLICY', 5400).message // 'Unknown policy profile'
 * new CfsslError('ERR_INPUT', 0, 'env var X not set').plain // true
 */
export class CfsslError extends Error {
  override readonly name = 'CfsslError';
  /** The stable string code (see docs/errors.md). */
  readonly code: CfsslErrorCode;
  /** cfssl's numeric code; 0 for a plain error. */
  readonly cfsslCode: number;
  /** The problems behind an `invalid configuration` (empty for other errors). */
  readonly findings: readonly ConfigFinding[];

  constructor(code: CfsslErrorCode, cfsslCode: number, message?: string, options: CfsslErrorOptions = {}) {
    super(
      message ?? DEFAULT_MESSAGES.get(cfsslCode) ?? 'Unknown error',
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.cfsslCode = cfsslCode;
    this.findings = options.findings ?? [];
  }

  /** True when cfssl prints this error as its bare message (`cfsslCode` 0). */
  get plain(): boolean {
    return this.cfsslCode === 0;
  }
}

/** The default message cfssl's `errors.New` uses for a numeric code. */
export function defaultMessage(cfsslCode: number): string | undefined {
  return DEFAULT_MESSAGES.get(cfsslCode);
}
