// cfssl ocsp.Responder.ServeHTTP (1.6; reference §6.7): GET base64 path or POST DER, pre-signed responses, caching headers.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseOcspRequest, parseOcspResponse } from '@cfssl-ts/core';
import { decodeStdBase64, type OcspResponseSource } from './ocsp-response-source.js';

/** Options of {@link createOcspHandler}. */
export interface OcspHandlerOptions {
  source: OcspResponseSource;
  /** The mount path (`-path`, default `/`): requests outside it get 404; GET bodies follow it. */
  path?: string;
  /** Clock for max-age, ms since epoch. */
  now?: () => number;
  /** Largest POST body read (default 64 KiB); a larger one is refused with 413. */
  maxBodyBytes?: number;
  log?: (message: string) => void;
}

// RFC 6960 §4.2.1 OCSPResponse with only a responseStatus (x/crypto/ocsp's pre-made error responses).
const MALFORMED_REQUEST = Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 0x01);
const INTERNAL_ERROR = Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 0x02);
const UNAUTHORIZED = Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 0x06);

// Go time.RFC1123 of a UTC time: `Mon, 02 Jan 2006 15:04:05 UTC`.
function rfc1123(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, 'UTC');
}

// Go url.QueryUnescape: %XX decoded, '+' becomes a space; a bad escape is an error (null).
function queryUnescape(s: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('latin1');
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Uint8Array.from(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/**
 * A node:http handler answering OCSP requests as cfssl's responder does: `Cache-Control: max-age=0,
 * no-cache` on every answer; 405 for methods other than GET and POST; 400 for undecodable base64, 400
 * with `malformedRequest` for an unparsable request; 200 `unauthorized` for an unknown certificate;
 * 500 `internalError` when the source fails; otherwise the response with `Last-Modified` (thisUpdate),
 * `Expires` (nextUpdate), `Cache-Control: max-age=N, public, no-transform, must-revalidate`, an ETag
 * (uppercase hex SHA-256 of the body) and 304 when `If-None-Match` equals it.
 *
 * GET takes the base64 request after the mount path (cfssl 1.6 strips one `/` and only works mounted at `/`).
 *
 * @example
 * http.createServer(createOcspHandler({ source: ocspSourceFromResponsesText(text) })).listen(8889, '127.0.0.1');
 */
export function createOcspHandler(options: OcspHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const mount = options.path ?? '/';
  const now = options.now ?? Date.now;
  const limit = options.maxBodyBytes ?? 65536;
  const log = options.log ?? (() => {});

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawPath = (req.url ?? '/').split('?')[0]!;
    // Go ServeMux: a pattern ending in `/` matches its subtree, any other pattern only itself.
    const inside = mount.endsWith('/') ? rawPath.startsWith(mount) : rawPath === mount;
    if (!inside) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('404 page not found\n');
      return;
    }
    // cfssl sets both before anything else, so error answers carry them too.
    res.setHeader('Cache-Control', 'max-age=0, no-cache');
    res.setHeader('Content-Type', 'application/ocsp-response');
    let body: Uint8Array;
    if (req.method === 'GET') {
      // 1.6: QueryUnescape the path, spaces back to '+', one leading '/' dropped, then standard base64.
      const tail = mount === '/' ? rawPath : `/${rawPath.slice(mount.length)}`;
      const unescaped = queryUnescape(tail);
      const b64 = unescaped?.replace(/ /g, '+').replace(/^\//, '');
      const decoded = b64 === undefined ? null : decodeStdBase64(b64);
      if (!decoded) {
        res.writeHead(400).end();
        return;
      }
      body = decoded;
    } else if (req.method === 'POST') {
      const read = await readBody(req, limit);
      if (!read) {
        res.writeHead(413).end();
        return;
      }
      body = read;
    } else {
      res.writeHead(405).end();
      return;
    }
    let request;
    try {
      request = parseOcspRequest(body);
    } catch (err) {
      log(`Error decoding request body: ${err instanceof Error ? err.message : String(err)}`);
      res.writeHead(400).end(MALFORMED_REQUEST);
      return;
    }
    let der: Uint8Array | null;
    try {
      der = await options.source.response(request);
    } catch (err) {
      log(`Error retrieving response: ${err instanceof Error ? err.message : String(err)}`);
      res.writeHead(500).end(INTERNAL_ERROR);
      return;
    }
    if (!der) {
      log(`No response found for request: serial ${request.serialNumber.toString(16)}`);
      res.writeHead(200).end(UNAUTHORIZED);
      return;
    }
    let parsed;
    try {
      parsed = parseOcspResponse(der);
    } catch (err) {
      log(`Error parsing response: ${err instanceof Error ? err.message : String(err)}`);
      res.writeHead(500).end(INTERNAL_ERROR);
      return;
    }
    const nextUpdate = parsed.nextUpdate ?? 0;
    const etag = `"${createHash('sha256').update(der).digest('hex').toUpperCase()}"`;
    res.setHeader('Last-Modified', rfc1123(parsed.thisUpdate));
    res.setHeader('Expires', rfc1123(nextUpdate));
    const maxAge = now() < nextUpdate ? Math.floor((nextUpdate - now()) / 1000) : 0;
    res.setHeader('Cache-Control', `max-age=${maxAge}, public, no-transform, must-revalidate`);
    res.setHeader('ETag', etag);
    // RFC 7232 §4.1: the 304 carries the same headers as the 200 would.
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200).end(der);
  };

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`OCSP handler failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500).end(INTERNAL_ERROR);
      else res.destroy();
    });
  };
}
