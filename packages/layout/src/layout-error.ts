// Failures of parseLayoutSpec and buildLayout: which file, and what is wrong with it.
import type { LayoutErrorCode } from './layout-error-codes.js';

/**
 * A layout that cannot be built. `file` names the file at fault (relative to the layout
 * directory, or the spec's own name); `problems` holds one line per problem, each starting with
 * the JSON path or file it concerns. Nothing has been written when this is thrown.
 *
 * @example
 * try {
 *   parseLayoutSpec(specJson);
 * } catch (e) {
 *   if (e instanceof LayoutError && e.code === 'ERR_LAYOUT_SPEC') console.error(e.problems.join('\n'));
 * }
 */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
  readonly code: LayoutErrorCode;
  readonly file: string;
  readonly problems: readonly string[];

  constructor(code: LayoutErrorCode, file: string, problems: readonly string[], cause?: unknown) {
    super(`${file}: ${problems.join('; ')}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.file = file;
    this.problems = problems;
  }
}
