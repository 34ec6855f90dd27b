// File inputs as cfssl reads them: cli.ReadStdin (`-` = stdin) and 1.6 helpers.ReadBytes (env:/file: prefixes).
import { isAbsolute, join } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import type { CliIo } from './cli-io.js';
import { INPUT_LIMITS } from './input-limits.js';
import { readFileBounded } from './read-bounded.js';

/**
 * Read a file relative to the working directory, at most `limit` bytes (INPUT_LIMITS); errors carry Go's text
 * and are printed plainly.
 */
export async function readInputFile(path: string, io: CliIo, limit: number = INPUT_LIMITS.file): Promise<Uint8Array> {
  // Go os.ReadFile("") fails to open; joining "" to the cwd would read a directory instead.
  if (path === '') throw new CfsslError('ERR_INPUT', 0, 'open : no such file or directory');
  try {
    return await readFileBounded(isAbsolute(path) ? path : join(io.cwd, path), path, limit);
  } catch (err) {
    if (err instanceof CfsslError) throw err;
    // Go opens first and fails on read for a directory.
    const op = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'read' : 'open';
    throw new CfsslError('ERR_INPUT', 0, formatGoPathError(op, path, err), { cause: err });
  }
}

/** cfssl cli.ReadStdin: `-` reads standard input, anything else is a file. */
export async function readStdinOrFile(path: string, io: CliIo, limit: number = INPUT_LIMITS.file): Promise<Uint8Array> {
  return path === '-' ? io.readStdin(limit) : readInputFile(path, io, limit);
}

/**
 * cfssl 1.6 helpers.ReadBytes: `env:NAME` reads an environment variable, `file:PATH` or a plain path
 * reads a file; any other `x:` prefix is an error (`unknown prefix: x`).
 */
export async function readBytesSource(value: string, io: CliIo): Promise<Uint8Array> {
  const colon = value.indexOf(':');
  if (colon < 0) return readInputFile(value, io);
  const prefix = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (prefix === 'env') {
    const v = io.env[rest];
    if (v === undefined) throw new CfsslError('ERR_INPUT', 0, `env var ${rest} not set`);
    return new TextEncoder().encode(v);
  }
  if (prefix === 'file') return readInputFile(rest, io);
  throw new CfsslError('ERR_INPUT', 0, `unknown prefix: ${prefix}`);
}

/** UTF-8 text of bytes. */
export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
