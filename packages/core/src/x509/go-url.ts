// Go net/url.Parse (go/parse-go-url.ts plus the fragment) and URL's JSON form, for URI SANs.
// Works on byte strings (one char per byte), as Go does; URI SANs are ASCII by the time they get here.
import { goStruct, type GoStruct } from '../go/json/go-struct.js';
import { goQuote } from '../go/strconv-quote.js';
import { GoParseError } from './go-parse-error.js';
import { GoUrlSyntaxError, escape, unescape } from '../go/go-url-syntax.js';
import { parseGoUrlBytes, type GoUrlParts } from '../go/parse-go-url.js';
import { goStringFromBytes } from './go-string.js';

type ParsedUrl = GoUrlParts & { fragment: string; rawFragment: string };

// An inner error from the fragment, which Go reports against the whole URL.
class FragmentUrlError extends GoUrlSyntaxError {}

const byteString = (s: string): string => goStringFromBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));

// encoding/json of Go's *url.URL.
function goUrlJson(url: ParsedUrl): GoStruct {
  return goStruct({
    Scheme: byteString(url.scheme),
    Opaque: byteString(url.opaque),
    User: url.user !== null ? goStruct({}) : null,
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
    url = { ...parseGoUrlBytes(beforeFragment, false), fragment: '', rawFragment: '' };
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
