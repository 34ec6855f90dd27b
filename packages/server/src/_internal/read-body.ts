// The request body, bounded (cfssl reads it whole with io.ReadAll; a limit keeps a flood from the heap).
import type { IncomingMessage } from 'node:http';
import { apiError } from './api-error.js';

/** Read at most `limit` bytes; more is 413 `http: request body too large` (Go's MaxBytesReader text). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw apiError(413, 'http: request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw apiError(413, 'http: request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
