// Go httputil.DumpRequest of a request whose body was already read: request line, Host, the other headers sorted.
import type { IncomingMessage } from 'node:http';

// textproto.CanonicalMIMEHeaderKey for ordinary names: each dash-separated word capitalised.
const canonical = (name: string) => name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

// DumpRequest leaves these out of the header list.
const EXCLUDED = new Set(['Host', 'Transfer-Encoding', 'Trailer']);

/** The dump cfssl's multirootca prints for a refused request (the body is empty: cfssl dumps after reading it). */
export function dumpRequest(req: IncomingMessage): string {
  let out = `${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}\r\nHost: ${req.headers.host ?? ''}\r\n`;
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = canonical(req.rawHeaders[i]!);
    if (!EXCLUDED.has(name)) headers.push([name, req.rawHeaders[i + 1]!]);
  }
  headers.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, value] of headers) out += `${name}: ${value}\r\n`;
  return `${out}\r\n`;
}
