// Go 1.19 net/url.Parse (fragment, OmitHost, RawPath/RawFragment) and URL's JSON form, for URI SANs.
// Works on byte strings (one char per byte), as Go does; URI SANs are ASCII by the time they get here.
import { goStruct, type GoStruct } from '../go/json/go-struct.js';
import { goQuote } from '../go/strconv-quote.js';
import { GoParseError } from './go-parse-error.js';
import { GoUrlSyntaxError, escape, getScheme, parseHost, unescape, validUserinfo } from '../go/go-url-syntax.js';
import { goStringFromBytes } from './go-string.js';

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

// An inner error from the fragment, which Go reports against the whole URL.
class FragmentUrlError extends GoUrlSyntaxError {}

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
  // eslint-disable-next-line no-control-regex -- Go stringContainsCTLByte
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new GoUrlSyntaxError('net/url: invalid control character in URL');
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  const [scheme, afterScheme] = getScheme(raw);
  let rest = afterScheme;
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
    if ((rest.split('/')[0] ?? '').includes(':')) throw new GoUrlSyntaxError('first path segment in URL cannot contain colon');
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
      if (!validUserinfo(userinfo)) throw new GoUrlSyntaxError('net/url: invalid userinfo');
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

// encoding/json of Go's *url.URL.
function goUrlJson(url: ParsedUrl): GoStruct {
  return goStruct({
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
}

/**
 * Go `url.Parse` of a URI SAN (ASCII): the `*url.URL` as encoding/json prints it and the decoded host
 * (a byte string); throws GoParseError with x509's message (`x509: cannot parse URI "…": parse "…": …`).
 */
export function parseGoUrl(uri: string): { readonly json: GoStruct; host: string } {
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
        throw e instanceof GoUrlSyntaxError ? new FragmentUrlError(e.message) : e;
      }
      url.rawFragment = escape(url.fragment, 'fragment') === frag ? '' : frag;
    }
  } catch (e) {
    if (!(e instanceof GoUrlSyntaxError)) throw e;
    // url.Error{"parse", URL, err}: the URL is the part before '#', or all of it for fragment errors.
    const reported = e instanceof FragmentUrlError ? uri : beforeFragment;
    throw new GoParseError(`x509: cannot parse URI ${goQuote(uri)}: parse ${goQuote(reported)}: ${e.message}`);
  }
  // The *url.URL struct is built only when read (certinfo prints it; issuance only needs the host).
  return {
    host: url.host,
    get json(): GoStruct {
      return goUrlJson(url);
    },
  };
}
