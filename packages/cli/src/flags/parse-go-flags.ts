// Go flag.FlagSet.Parse with ContinueOnError, over flag definitions given as data.

import { goQuote, GoNumError, parseGoInt } from '@cfssl-ts/core/go';
import { parseGoBool } from './_internal/parse-go-bool.js';
import type { GoFlagDefinition, GoFlagValue } from './go-flag-definition.js';
import { GoFlagError } from './go-flag-error.js';

/** What {@link parseGoFlags} returns on success. */
export interface ParsedGoFlags {
  /** Every defined flag's value: the last one given, else its default. */
  values: Map<string, GoFlagValue>;
  /** Names of the flags given on the command line (Go `FlagSet.Visit`). */
  set: Set<string>;
  /** The arguments after the flags (Go `FlagSet.Args`). */
  positionals: string[];
}

/** Options of {@link parseGoFlags}. */
export interface ParseGoFlagsOptions {
  /**
   * Checks a `duration` flag's text the way Go's `time.ParseDuration` does; throw to reject it.
   * Without it duration flags take any text.
   */
  parseDuration?: (text: string) => unknown;
}

// Go flag.Value.Set for each kind; returns Go's error text on failure.
function convert(definition: GoFlagDefinition, text: string, options: ParseGoFlagsOptions): GoFlagValue | Error {
  switch (definition.kind) {
    case 'string':
      return text;
    case 'bool': {
      const value = parseGoBool(text);
      return value === undefined ? new Error('parse error') : value;
    }
    case 'int':
      try {
        return Number(parseGoInt(text, 64));
      } catch (e) {
        if (!(e instanceof GoNumError)) throw e;
        return new Error(e.reason === 'invalid syntax' ? 'parse error' : 'value out of range'); // Go flag.numError
      }
    case 'duration':
      if (options.parseDuration !== undefined) {
        try {
          options.parseDuration(text);
        } catch {
          return new Error('parse error'); // flag.durationValue.Set hides ParseDuration's text
        }
      }
      return text;
  }
}

/**
 * Parse `argv` like Go's `flag.FlagSet.Parse` (ContinueOnError).
 *
 * Accepts `-name v`, `-name=v`, `--name v`, `--name=v`; booleans only as `-b` or `-b=<ParseBool text>`;
 * `--` ends the flags; parsing stops at the first argument that is not a flag (a lone `-` is one).
 * A flag given twice keeps its last value. Throws {@link GoFlagError} with Go's message texts;
 * `-h`/`-help` (when not defined) throw code `ERR_FLAG_HELP`. Printing usage and choosing the
 * exit status (2, or 0 for help) is the caller's job.
 *
 * @example
 * const { values, positionals } = parseGoFlags(
 *   [{ name: 'bare', kind: 'bool', default: false, usage: '' }], ['-bare', 'out']);
 * // values.get('bare') === true, positionals = ['out']
 */
export function parseGoFlags(
  definitions: readonly GoFlagDefinition[],
  argv: readonly string[],
  options: ParseGoFlagsOptions = {},
): ParsedGoFlags {
  const formal = new Map<string, GoFlagDefinition>();
  const values = new Map<string, GoFlagValue>();
  for (const definition of definitions) {
    if (formal.has(definition.name)) throw new Error(`flag redefined: ${definition.name}`); // Go panics
    formal.set(definition.name, definition);
    values.set(definition.name, definition.default);
  }
  const set = new Set<string>();

  // Go FlagSet.parseOne, once per flag
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] ?? '';
    if (arg.length < 2 || arg[0] !== '-') break;
    let dashes = 1;
    if (arg[1] === '-') {
      dashes = 2;
      if (arg.length === 2) {
        i++; // "--" ends the flags and is dropped
        break;
      }
    }
    let name = arg.slice(dashes);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') {
      throw new GoFlagError('ERR_FLAG_BAD_SYNTAX', arg, `bad flag syntax: ${arg}`);
    }
    i++;
    let value: string | undefined;
    const equals = name.indexOf('=', 1);
    if (equals > 0) {
      value = name.slice(equals + 1);
      name = name.slice(0, equals);
    }

    const definition = formal.get(name);
    if (definition === undefined) {
      if (name === 'help' || name === 'h') throw new GoFlagError('ERR_FLAG_HELP', name, 'flag: help requested');
      throw new GoFlagError('ERR_FLAG_NOT_DEFINED', name, `flag provided but not defined: -${name}`);
    }

    if (definition.kind === 'bool') {
      if (value === undefined) {
        values.set(name, true);
      } else {
        const parsed = convert(definition, value, options);
        if (parsed instanceof Error) {
          throw new GoFlagError('ERR_FLAG_INVALID_VALUE', name, `invalid boolean value ${goQuote(value)} for -${name}: ${parsed.message}`);
        }
        values.set(name, parsed);
      }
    } else {
      if (value === undefined && i < argv.length) {
        value = argv[i] ?? '';
        i++;
      }
      if (value === undefined) {
        throw new GoFlagError('ERR_FLAG_NEEDS_ARGUMENT', name, `flag needs an argument: -${name}`);
      }
      const parsed = convert(definition, value, options);
      if (parsed instanceof Error) {
        throw new GoFlagError('ERR_FLAG_INVALID_VALUE', name, `invalid value ${goQuote(value)} for flag -${name}: ${parsed.message}`);
      }
      values.set(name, parsed);
    }
    set.add(name);
  }
  return { values, set, positionals: argv.slice(i) };
}
