// One file of a layout plan: where it goes, what it holds, and its permission bits.

/** What a planned file holds; private keys are never replaced without `force`. */
export type PlannedFileKind = 'private-key' | 'certificate' | 'csr' | 'json' | 'other';

/** Permission bits of private key files (cfssljson writes keys 0600). */
export const KEY_FILE_MODE = 0o600;

/** Permission bits of every other file (certificates, CSRs, JSON inputs). */
export const PUBLIC_FILE_MODE = 0o644;

/**
 * One file to write: a path (relative paths resolve against the directory given to
 * `applyPlan`), its contents (text is written as UTF-8), its mode and its kind.
 *
 * @example
 * const file: PlannedFile = { path: 'ca-key.pem', contents: keyPem, mode: KEY_FILE_MODE, kind: 'private-key' };
 */
export interface PlannedFile {
  path: string;
  contents: string | Uint8Array;
  mode: number;
  kind: PlannedFileKind;
}
