// cfssl serve's "/" handler: http.FileServer over the static UI, with /bundle, /scan, /packages → index.html.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { BUILTIN_PAGE } from './builtin-page.js';
import { sendHttpError } from './envelope.js';

// serve.go staticRedirections.
const INDEX_ALIASES = new Set(['/', '/bundle', '/scan', '/packages']);

// mime.TypeByExtension for what a built UI holds.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/vnd.microsoft.icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file of the static UI, or null (then 404 `404 page not found`). */
async function lookup(dir: string | null, path: string): Promise<{ body: Buffer; type: string } | null> {
  const file = INDEX_ALIASES.has(path) ? '/index.html' : path;
  if (dir === null) return file === '/index.html' ? { body: Buffer.from(BUILTIN_PAGE, 'utf8'), type: TYPES['.html']! } : null;
  const full = normalize(join(dir, decodeURIComponent(file)));
  if (!full.startsWith(normalize(dir + sep))) return null;
  try {
    return { body: await readFile(full), type: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** Answer a request outside /api/v1/cfssl/ from the static UI (Go FileServer headers: Accept-Ranges, Content-Length). */
export async function serveStatic(dir: string | null, method: string, path: string, res: ServerResponse): Promise<void> {
  let found: { body: Buffer; type: string } | null = null;
  try {
    found = await lookup(dir, path);
  } catch {
    found = null; // a malformed %-escape
  }
  if (found === null) {
    sendHttpError(res, 404, '404 page not found\n');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Length', String(found.body.length));
  res.setHeader('Content-Type', found.type);
  res.end(method === 'HEAD' ? undefined : found.body);
}
