// Go net/url.ParseRequestURI and URL.String (Go 1.19–1.20 rules; String ignores URL.OmitHost as Go 1.19 does).
// Go works on UTF-8 bytes, so the parser below runs on "byte strings": one char per byte (0–255).
import { GoUrlSyntaxError, escape, shouldEscape, unescape } from './go-url-syntax.js';
import { parseGoUrlBytes, type GoUrlParts } from './parse-go-url.js';

/** A URL accepted by Go's `url.ParseRequestURI`, with the fields of Go's `url.URL` that it sets. */
export interface GoRequestUri {
  /** Lower-cased scheme; empty for a path (`/x`) or `*`. */
  scheme: string;
  /** Everything after `scheme:` when it does not start with `/` (e.g. `443` in `host:443`). */
  opaque: string;
  /** Decoded userinfo; `password` is null when the userinfo has no `:`. */
  user: { username: string; password: string | null } | null;
  /** Decoded `host[:port]`. */
  host: string;
  /** Decoded path. */
  path: string;
  /** The path as written, kept only when it differs from Go's default escaping of `path`. */
  rawPath: string;
  /** The input ended in a lone `?`. */
  forceQuery: boolean;
  /** The query as written, without `?`. */
  rawQuery: string;
  /** Go's `URL.String()`: what crypto/x509 writes into a URI SAN and what a name whitelist sees. */
  href: string;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
// ASCII text is its own byte string; only other text needs the UTF-8 round trip.
const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
};

const toBytes = (s: string): string => {
  if (isAscii(s)) return s;
  let out = '';
  for (const b of utf8Encoder.encode(s)) out += String.fromCharCode(b);
  return out;
};

const fromBytes = (s: string): string => (isAscii(s) ? s : utf8Decoder.decode(Uint8Array.from(s, (c) => c.charCodeAt(0))));

// Go url.validEncoded(s, encodePath).
function validEncodedPath(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (`!$&'()*+,;=:@[]%`.includes(ch)) continue;
    if (shouldEscape(s.charCodeAt(i), 'path')) return false;
  }
  return true;
}

// Go URL.EscapedPath
function escapedPath(u: GoUrlParts): string {
  if (u.rawPath !== '' && validEncodedPath(u.rawPath)) {
    let decoded: string | null = null;
    try {
      decoded = unescape(u.rawPath, 'path');
    } catch {
      decoded = null;
    }
    if (decoded === u.path) return u.rawPath;
  }
  if (u.path === '*') return '*';
  return escape(u.path, 'path');
}

// Go URL.String (no fragment: ParseRequestURI never sets one).
function formatBytes(u: GoUrlParts): string {
  let out = '';
  if (u.scheme !== '') out += u.scheme + ':';
  if (u.opaque !== '') {
    out += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (u.host !== '' || u.path !== '' || u.user !== null) out += '//';
      if (u.user !== null) {
        out += escape(u.user.username, 'userPassword');
        if (u.user.password !== null) out += ':' + escape(u.user.password, 'userPassword');
        out += '@';
      }
      if (u.host !== '') out += escape(u.host, 'host');
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && (path.split('/')[0] ?? '').includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += '?' + u.rawQuery;
  return out;
}

/**
 * Go's `url.ParseRequestURI`: the parsed URL, or `null` where Go returns an error.
 *
 * Accepts `*`, anything starting with `/`, and `scheme:rest` where the scheme is a letter
 * followed by letters, digits, `+`, `-` or `.` (so `host.example.com:443` parses with opaque `443`).
 * Fails on control characters, a leading `:`, bad `%` escapes in a path, userinfo or host,
 * non-numeric ports and invalid host characters in `scheme://authority`.
 *
 * @example
 * parseGoRequestUri('HTTPS://x/a b')?.href // 'https://x/a%20b'
 * parseGoRequestUri('example.com')         // null
 */
export function parseGoRequestUri(s: string): GoRequestUri | null {
  // Go accepts only `*`, a path starting with `/`, or something with a scheme (hence a ':').
  if (s !== '*' && !s.startsWith('/') && !s.includes(':')) return null;
  let u: GoUrlParts;
  try {
    u = parseGoUrlBytes(toBytes(s), true);
  } catch (e) {
    if (e instanceof GoUrlSyntaxError) return null;
    throw e;
  }
  return {
    scheme: fromBytes(u.scheme),
    opaque: fromBytes(u.opaque),
    user:
      u.user === null
        ? null
        : { username: fromBytes(u.user.username), password: u.user.password === null ? null : fromBytes(u.user.password) },
    host: fromBytes(u.host),
    path: fromBytes(u.path),
    rawPath: fromBytes(u.rawPath),
    forceQuery: u.forceQuery,
    rawQuery: fromBytes(u.rawQuery),
    href: fromBytes(formatBytes(u)),
  };
}
