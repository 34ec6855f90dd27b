// The files of a layout directory as bytes, for @cfssl-ts/layout's pure functions.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { INPUT_LIMITS } from '../../io/input-limits.js';
import { readFileBounded } from '../../io/read-bounded.js';

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Read `names` from `dir`; a name that does not exist (or a missing `dir`) is simply absent. */
export async function readNamedFiles(dir: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    const path = join(dir, name);
    try {
      files.set(name, await readFileBounded(path, path, INPUT_LIMITS.file));
    } catch (error) {
      if (error instanceof CfsslError) throw error;
      const errno = errnoOf(error);
      if (errno === 'ENOENT' || errno === 'ENOTDIR') continue;
      throw new CfsslError('ERR_INPUT', 0, formatGoPathError(errno === 'EISDIR' ? 'read' : 'open', path, error), { cause: error });
    }
  }
  return files;
}

/** Every regular file directly in `dir` (what `cfssl-ts check` looks at). */
export async function readDirectoryFiles(dir: string): Promise<Map<string, Uint8Array>> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new CfsslError('ERR_INPUT', 0, formatGoPathError('open', dir, error), { cause: error });
  }
  const names = entries.filter((e) => e.isFile()).map((e) => e.name);
  return readNamedFiles(dir, names);
}
