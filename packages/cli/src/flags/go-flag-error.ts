// Errors of Go's flag.FlagSet.Parse (ContinueOnError), with Go's message texts.

/** Stable codes for the ways Go's `FlagSet.Parse` fails. */
export type GoFlagErrorCode =
  | 'ERR_FLAG_HELP' // -h / -help given and not defined: Go's flag.ErrHelp (usage, exit 0)
  | 'ERR_FLAG_NOT_DEFINED' // flag provided but not defined: -x
  | 'ERR_FLAG_NEEDS_ARGUMENT' // flag needs an argument: -x
  | 'ERR_FLAG_INVALID_VALUE' // invalid value / invalid boolean value
  | 'ERR_FLAG_BAD_SYNTAX'; // bad flag syntax: ---x

/**
 * A failed Go-style flag parse. `message` is Go's text exactly (`flag provided but not defined: -x`);
 * for `ERR_FLAG_HELP` it is Go's `flag: help requested`, which Go does not print.
 *
 * @example
 * try { parseGoFlags(defs, argv) } catch (e) {
 *   if (e instanceof GoFlagError) return e.code === 'ERR_FLAG_HELP' ? 0 : 2;
 * }
 */
export class GoFlagError extends Error {
  override readonly name = 'GoFlagError';
  readonly code: GoFlagErrorCode;
  /** The flag name involved (without dashes), or the offending argument for bad syntax. */
  readonly flag: string;

  constructor(code: GoFlagErrorCode, flag: string, message: string) {
    super(message);
    this.code = code;
    this.flag = flag;
  }
}
