// The table of LayoutError and LayoutWriteError codes: the source docs/errors.md is rendered from.

/** One stable string code of a layout error. */
export interface LayoutErrorCodeEntry {
  code: string;
  /** The class that carries it. */
  errorClass: 'LayoutError' | 'LayoutWriteError';
  description: string;
}

/** The stable string codes of {@link LayoutError} and {@link LayoutWriteError}. */
export const LAYOUT_ERROR_CODES = [
  {
    code: 'ERR_LAYOUT_SPEC',
    errorClass: 'LayoutError',
    description: 'a layout spec is not valid (every problem is listed with its JSON path)',
  },
  {
    code: 'ERR_LAYOUT_INPUT_FILE',
    errorClass: 'LayoutError',
    description: 'a file of the directory cannot be used as it is (unparseable JSON, key, certificate)',
  },
  {
    code: 'ERR_LAYOUT_ROTATION_PHASE',
    errorClass: 'LayoutError',
    description: 'a CA rotation step was asked for out of order; the message says which phase the directory is in and what comes next',
  },
  { code: 'ERR_LAYOUT_NO_SIGNER', errorClass: 'LayoutError', description: 'a certificate must be signed but the CA key is not available' },
  {
    code: 'ERR_LAYOUT_EXISTS',
    errorClass: 'LayoutWriteError',
    description: 'the target exists and may not be replaced (a private key without `force`)',
  },
  {
    code: 'ERR_LAYOUT_WRITE',
    errorClass: 'LayoutWriteError',
    description: 'the file system refused an operation; `errno` and `cause` say which',
  },
] as const satisfies readonly LayoutErrorCodeEntry[];

type CodeOf<C extends LayoutErrorCodeEntry['errorClass']> = Extract<(typeof LAYOUT_ERROR_CODES)[number], { errorClass: C }>['code'];

/** Stable codes of {@link LayoutError}. */
export type LayoutErrorCode = CodeOf<'LayoutError'>;

/** Stable codes of {@link LayoutWriteError}. */
export type LayoutWriteErrorCode = CodeOf<'LayoutWriteError'>;
