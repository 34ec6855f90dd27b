// Go net/url's parse(rawURL, viaRequest) without the fragment (Go 1.20): the one parser behind
// url.Parse (x509 URI SANs, go-url.ts) and url.ParseRequestURI (host classification).
// Works on byte strings (one char per byte), as Go does.
import { GoUrlSyntaxError, escape, getScheme, parseHost, unescape, validUserinfo } from './go-url-syntax.js';

/** The fields of Go's `url.URL` that `url.parse` sets, as byte strings. */
export interface GoUrlParts {
  scheme: string;
  opaque: string;
  user: { username: string; password: string | null } | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
}

/**
 * Go `url.parse(raw, viaRequest)`: `viaRequest` is ParseRequestURI's mode (no empty URL, no relative
 * path, `//x` is a path); throws GoUrlSyntaxError with the text Go puts after `parse "<url>": `.
 */
export function parseGoUrlBytes(raw: string, viaRequest: boolean): GoUrlParts {
  const url: GoUrlParts = {
    scheme: '',
    opaque: '',
    user: null,
    host: '',
    path: '',
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawQuery: '',
  };
  // eslint-disable-next-line no-control-regex -- Go url.stringContainsCTLByte
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new GoUrlSyntaxError('net/url: invalid control character in URL');
  if (raw === '' && viaRequest) throw new GoUrlSyntaxError('empty url');
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
    if (viaRequest) throw new GoUrlSyntaxError('invalid URI for request');
    if ((rest.split('/')[0] ?? '').includes(':')) throw new GoUrlSyntaxError('first path segment in URL cannot contain colon');
  }

  if ((url.scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
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
      url.user =
        colon < 0
          ? { username: unescape(userinfo, 'userPassword'), password: null }
          : {
              username: unescape(userinfo.slice(0, colon), 'userPassword'),
              password: unescape(userinfo.slice(colon + 1), 'userPassword'),
            };
    }
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }

  // Go URL.setPath
  url.path = unescape(rest, 'path');
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  return url;
}
