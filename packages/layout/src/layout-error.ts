// Failures of parseLayoutSpec and buildLayout: which file, and what is wrong with it.

/** Stable codes of {@link LayoutError}. */
export type LayoutErrorCode =
  | 'ERR_SPEC' // a layout spec is not valid (every problem is listed with its JSON path)
  | 'ERR_INPUT_FILE' // a file of the directory cannot be used as it is (unparseable JSON, key, certificate)
  | 'ERR_NO_SIGNER'; // a certificate must be signed but the CA key is not available

/**
 * A layout that cannot be built. `file` names the file at fault (relative to the layout
 * directory, or the spec's own name); `problems` holds one line per problem, each starting with
 * the JSON path or file it concerns. Nothing has been written when this is thrown.
 *
 * @example
 * catch (e) { if (e instanceof LayoutError && e.code === 'ERR_SPEC') console.error(e.problems.join('\n')) }
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
