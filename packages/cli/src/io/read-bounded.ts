// Reading an input with a byte limit: a file, a device or a FIFO is read in chunks and never past the limit.
import { open } from 'node:fs/promises';
import { CfsslError } from '@cfssl-ts/core';
import { formatByteLimit } from './input-limits.js';

const CHUNK = 1024 * 1024;

/** The error for an input past its limit, in Go's `*os.PathError` shape: `read <name>: input larger than 16 MiB (...)`. */
export function inputTooLarge(shownName: string, limit: number): CfsslError {
  return new CfsslError(
    'ERR_INPUT_TOO_LARGE',
    0,
    `read ${shownName}: input larger than ${formatByteLimit(limit)} (cfssl-ts reads at most ${formatByteLimit(limit)} from one input)`,
  );
}

/**
 * All bytes of the file at `path`, or {@link inputTooLarge} naming `shownName` once more than `limit` bytes
 * arrive (a regular file is refused from its size before any read). Errors of open and read are Node's own
 * (with their `code`), for the caller to word as Go does.
 */
export async function readFileBounded(path: string, shownName: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > limit) throw inputTooLarge(shownName, limit);
    const chunks: Uint8Array[] = [];
    let total = 0;
    // a regular file's size plus one byte reads it whole and sees its end; devices and FIFOs go in chunks
    let size = stat.isFile() ? stat.size + 1 : CHUNK;
    for (;;) {
      const buffer = new Uint8Array(Math.min(size, limit + 1 - total));
      size = CHUNK;
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > limit) throw inputTooLarge(shownName, limit);
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/** All bytes of a stream (standard input), or {@link inputTooLarge} once more than `limit` bytes arrive. */
export async function readStreamBounded(stream: AsyncIterable<Uint8Array>, shownName: string, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limit) throw inputTooLarge(shownName, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
