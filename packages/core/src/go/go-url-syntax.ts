// Go net/url's character classes, escaping, host and scheme parsing (Go 1.19), shared by the
// url.Parse port (certinfo) and the url.ParseRequestURI port (host classification).
// Works on byte strings (one char per byte), as Go does.
import { goQuote } from './strconv-quote.js';

/** The inner error of a Go url.Error (the text after `parse "<url>": `). */
export class GoUrlSyntaxError extends Error {}

/** Go url.encoding modes. */
export type GoUrlMode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

export const isAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
export const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
export const unhex = (c: number): number => (c <= 0x39 ? c - 0x30 : c <= 0x46 ? c - 0x41 + 10 : c - 0x61 + 10);

// Go url.shouldEscape.
export function shouldEscape(c: number, mode: GoUrlMode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'userPassword') return ch === '@' || ch === '/' || ch === '?' || ch === ':';
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

// Go url.unescape (never in query-component mode here).
export function unescape(s: string, mode: GoUrlMode): string {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
        throw new GoUrlSyntaxError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      }
      const triple = s.slice(i, i + 3);
      if (mode === 'host' && unhex(s.charCodeAt(i + 1)) < 8 && triple !== '%25')
        throw new GoUrlSyntaxError(`invalid URL escape ${goQuote(triple)}`);
      if (mode === 'zone') {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (triple !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) throw new GoUrlSyntaxError(`invalid URL escape ${goQuote(triple)}`);
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(c, mode)) {
        throw new GoUrlSyntaxError(`invalid character ${goQuote(s[i]!)} in host name`);
      }
      i++;
    }
  }
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// Go url.escape (path and fragment modes).
export function escape(s: string, mode: GoUrlMode): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += shouldEscape(c, mode) ? '%' + c.toString(16).toUpperCase().padStart(2, '0') : s.charAt(i);
  }
  return out;
}

// Go url.validOptionalPort.
const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);
export const validUserinfo = (s: string): boolean => /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);

// Go url.parseHost.
export function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new GoUrlSyntaxError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new GoUrlSyntaxError(`invalid port ${goQuote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, i), 'zone') + unescape(host.slice(i), 'host');
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new GoUrlSyntaxError(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

// Go url.getScheme.
export function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new GoUrlSyntaxError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}
