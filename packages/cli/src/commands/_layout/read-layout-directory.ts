// The files of a layout directory as bytes, for @cfssl-ts/layout's pure functions.
import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { INPUT_LIMITS } from '../../io/input-limits.js';
import { readFileBounded } from '../../io/read-bounded.js';

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * Read `names` from `dir`; a name that does not exist (or a missing `dir`) is simply absent. Errors
 * name the file under `shownDir` (the directory as the user gave it; default `dir`).
 */
export async function readNamedFiles(dir: string, names: readonly string[], shownDir = dir): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    try {
      files.set(name, await readFileBounded(join(dir, name), join(shownDir, name), INPUT_LIMITS.file));
    } catch (error) {
      if (error instanceof CfsslError) throw error;
      const errno = errnoOf(error);
      if (errno === 'ENOENT' || errno === 'ENOTDIR') continue;
      const shown = join(shownDir, name);
      throw new CfsslError('ERR_INPUT', 0, formatGoPathError(errno === 'EISDIR' ? 'read' : 'open', shown, error), { cause: error });
    }
  }
  return files;
}

/** What `cfssl-ts check` reads from a directory. */
export interface DirectoryFiles {
  /** Every regular file directly in the directory (symbolic links to one included), by name. */
  files: Map<string, Uint8Array>;
  /** `*.pem` and `*-csr.json` entries that are not regular files (never opened: a FIFO would block), by name: the problem, naming the entry. */
  unreadable: Map<string, string>;
}

// Names check looks at: certificates, keys and CSR JSON.
const CHECKED_NAME = /(\.pem|-csr\.json)$/;

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** The files of `dir` (what `cfssl-ts check` looks at), and the checked names that are not regular files. */
export async function readDirectoryFiles(dir: string): Promise<DirectoryFiles> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new CfsslError('ERR_INPUT', 0, formatGoPathError('open', dir, error), { cause: error });
  }
  const names: string[] = [];
  const unreadable = new Map<string, string>();
  for (const entry of entries) {
    if (entry.isFile()) names.push(entry.name);
    else if (CHECKED_NAME.test(entry.name)) {
      // stat follows a symbolic link: one to a regular file is read, a loop or a dangling one says why
      try {
        const target = await stat(join(dir, entry.name));
        if (target.isFile()) names.push(entry.name);
        else unreadable.set(entry.name, `${entry.name}: not a regular file (${kindOf(target)})`);
      } catch (error) {
        unreadable.set(entry.name, formatGoPathError('stat', entry.name, error));
      }
    }
  }
  return { files: await readNamedFiles(dir, names), unreadable };
}
