// A flag of a Go flag.FlagSet described as data.

/** The value a parsed flag holds: string and duration flags hold text, int flags a number. */
export type GoFlagValue = string | boolean | number;

interface GoFlagBase {
  /** Name without dashes, as typed after `-` or `--`. */
  name: string;
  /** Help text (Go `Flag.Usage`). */
  usage: string;
}

/**
 * One flag of a Go `flag.FlagSet`: its name, kind, default and help text.
 *
 * `duration` flags keep their text; `default` is Go's `time.Duration.String()` form (`96h0m0s`),
 * because that is what Go prints as the default.
 *
 * @example
 * const port: GoFlagDefinition = { name: 'port', kind: 'int', default: 8888, usage: 'Port to bind' };
 */
export type GoFlagDefinition =
  | (GoFlagBase & { kind: 'string'; default: string })
  | (GoFlagBase & { kind: 'bool'; default: boolean })
  | (GoFlagBase & { kind: 'int'; default: number })
  | (GoFlagBase & { kind: 'duration'; default: string });

/** Go's `Flag.DefValue`: the default rendered by the flag value's `String()` method. */
export function goFlagDefaultText(definition: GoFlagDefinition): string {
  switch (definition.kind) {
    case 'bool':
      return definition.default ? 'true' : 'false'; // strconv.FormatBool
    case 'int':
      return String(definition.default); // strconv.Itoa
    default:
      return definition.default;
  }
}
