// zlint v3 lint.LintStatus.UnmarshalJSON, used for a profile's lint_error_level (cfssl 1.6).
import { GoError } from '../go/go-error.js';

const LINT_STATUS_LABELS: ReadonlyMap<string, number> = new Map([
  ['reserved', 0],
  ['NA', 1],
  ['NE', 2],
  ['pass', 3],
  ['info', 4],
  ['warn', 5],
  ['error', 6],
  ['fatal', 7],
]);

/**
 * zlint `LintStatus.UnmarshalJSON`: every `"` is removed from the raw JSON, the rest must be a status
 * label (`reserved`, `NA`, `NE`, `pass`, `info`, `warn`, `error`, `fatal`). So `"lint_error_level": "error"`
 * is 6, while a JSON number such as `6` fails with `bad LintStatus JSON value: 6`.
 *
 * @example unmarshalLintStatusJson('"warn"') // 5
 */
export function unmarshalLintStatusJson(raw: string): number {
  const status = LINT_STATUS_LABELS.get(raw.replaceAll('"', ''));
  if (status === undefined) throw new GoError(`bad LintStatus JSON value: ${raw}`);
  return status;
}
