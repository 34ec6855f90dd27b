// Go 1.19 net/url.Parse (fragment, OmitHost, RawPath/RawFragment) and URL's JSON form, for URI SANs.
// Works on byte strings (one char per byte), as Go does; URI SANs are ASCII by the time they get here.
import { goStruct, type GoStruct } from '../../go/json/go-struct.js';
import { goQuote } from '../../go/strconv-quote.js';
import { GoParseError } from './go-parse-error.js';
import { goStringFromBytes } from './go-string.js';

type Mode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

interface ParsedUrl {
  scheme: string;
  opaque: string;
  hasUser: boolean;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

// The inner error of a url.Error (what follows `parse "<url>": `).
class UrlError extends Error {}

// An inner error from the fragment, which Go reports against the whole URL.
class FragmentUrlError extends UrlError {}

const isAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const unhex = (c: number): number => (c <= 0x39 ? c - 0x30 : c <= 0x46 ? c - 0x41 + 10 : c - 0x61 + 10);

// Go url.shouldEscape.
function shouldEscape(c: number, mode: Mode): boolean {
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
function unescape(s: string, mode: Mode): string {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
        throw new UrlError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      }
      const triple = s.slice(i, i + 3);
      if (mode === 'host' && unhex(s.charCodeAt(i + 1)) < 8 && triple !== '%25') throw new UrlError(`invalid URL escape ${goQuote(triple)}`);
      if (mode === 'zone') {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (triple !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) throw new UrlError(`invalid URL escape ${goQuote(triple)}`);
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(c, mode)) {
        throw new UrlError(`invalid character ${goQuote(s[i]!)} in host name`);
      }
      i++;
    }
  }
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// Go url.escape (path and fragment modes).
function escape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += shouldEscape(c, mode) ? '%' + c.toString(16).toUpperCase().padStart(2, '0') : s[i];
  }
  return out;
}

const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);
const validUserinfo = (s: string): boolean => /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);

// Go url.parseHost.
function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, i), 'zone') + unescape(host.slice(i), 'host');
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

// Go url.getScheme.
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

// Go url.parse(rawURL, viaRequest=false).
function parse(raw: string): ParsedUrl {
  const url: ParsedUrl = {
    scheme: '',
    opaque: '',
    hasUser: false,
    host: '',
    path: '',
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawQuery: '',
    fragment: '',
    rawFragment: '',
  };
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  let [scheme, rest] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    if ((rest.split('/')[0] ?? '').includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    // Go url.parseAuthority
    const at = authority.lastIndexOf('@');
    url.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!validUserinfo(userinfo)) throw new UrlError('net/url: invalid userinfo');
      const colon = userinfo.indexOf(':');
      unescape(colon < 0 ? userinfo : userinfo.slice(0, colon), 'userPassword');
      if (colon >= 0) unescape(userinfo.slice(colon + 1), 'userPassword');
      url.hasUser = true;
    }
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  // Go URL.setPath
  url.path = unescape(rest, 'path');
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  return url;
}

const byteString = (s: string): string => goStringFromBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));

/**
 * Go `url.Parse` of a URI SAN (ASCII): the `*url.URL` as encoding/json prints it and the decoded host
 * (a byte string); throws GoParseError with x509's message (`x509: cannot parse URI "…": parse "…": …`).
 */
export function parseGoUrl(uri: string): { json: GoStruct; host: string } {
  const hash = uri.indexOf('#');
  const beforeFragment = hash < 0 ? uri : uri.slice(0, hash);
  let url: ParsedUrl;
  try {
    url = parse(beforeFragment);
    if (hash >= 0 && hash + 1 < uri.length) {
      const frag = uri.slice(hash + 1);
      try {
        url.fragment = unescape(frag, 'fragment');
      } catch (e) {
        throw e instanceof UrlError ? new FragmentUrlError(e.message) : e;
      }
      url.rawFragment = escape(url.fragment, 'fragment') === frag ? '' : frag;
    }
  } catch (e) {
    if (!(e instanceof UrlError)) throw e;
    // url.Error{"parse", URL, err}: the URL is the part before '#', or all of it for fragment errors.
    const reported = e instanceof FragmentUrlError ? uri : beforeFragment;
    throw new GoParseError(`x509: cannot parse URI ${goQuote(uri)}: parse ${goQuote(reported)}: ${e.message}`);
  }
  const json = goStruct({
    Scheme: byteString(url.scheme),
    Opaque: byteString(url.opaque),
    User: url.hasUser ? goStruct({}) : null,
    Host: byteString(url.host),
    Path: byteString(url.path),
    RawPath: byteString(url.rawPath),
    OmitHost: url.omitHost,
    ForceQuery: url.forceQuery,
    RawQuery: byteString(url.rawQuery),
    Fragment: byteString(url.fragment),
    RawFragment: byteString(url.rawFragment),
  });
  return { json, host: url.host };
}
