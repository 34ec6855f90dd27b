// Go 1.19 x509 parseSANExtension: DNS names, emails, IPs and URIs of a subjectAltName value.
import { goQuote } from '../go/strconv-quote.js';
import { CryptobyteReader } from '../der/cryptobyte-reader.js';
import { GoParseError } from './go-parse-error.js';
import { asciiString } from './go-string.js';
import { parseGoUrl } from './go-url.js';
import { isValidGoDomain } from './_internal/go-valid-domain.js';

/** The SANs Go keeps, in extension order per kind. */
export interface GoSubjectAltNames {
  dnsNames: string[];
  emailAddresses: string[];
  /** Raw 4- or 16-byte addresses (net.IP). */
  ipAddresses: Uint8Array[];
  /** Each URI's text; Go's *url.URL of one is parseGoUrl(text).json, built only where it is printed. */
  uris: string[];
}

// x509.isIA5String: every byte ASCII (a byte ≥ 0x80 decodes to a rune above MaxASCII).
function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return false;
  return true;
}

/** Parse a subjectAltName extension value as Go does; throws GoParseError with Go's message. */
export function parseGoSubjectAltNames(value: Uint8Array): GoSubjectAltNames {
  const out: GoSubjectAltNames = { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] };
  const seq = new CryptobyteReader(value).read(0x30);
  if (seq === null) throw new GoParseError('x509: invalid subject alternative names');
  const names = new CryptobyteReader(seq);
  while (!names.empty()) {
    const san = names.readAny();
    if (san === null) throw new GoParseError('x509: invalid subject alternative name');
    const data = san.content;
    switch (san.tag ^ 0x80) {
      case 1:
        if (!isAscii(data)) throw new GoParseError('x509: SAN rfc822Name is malformed');
        out.emailAddresses.push(asciiString(data));
        break;
      case 2:
        if (!isAscii(data)) throw new GoParseError('x509: SAN dNSName is malformed');
        out.dnsNames.push(asciiString(data));
        break;
      case 6: {
        if (!isAscii(data)) throw new GoParseError('x509: SAN uniformResourceIdentifier is malformed');
        const uri = asciiString(data);
        const parsed = parseGoUrl(uri);
        if (parsed.host.length > 0 && !isValidGoDomain(parsed.host)) {
          throw new GoParseError(`x509: cannot parse URI ${goQuote(uri)}: invalid domain`);
        }
        out.uris.push(uri);
        break;
      }
      case 7:
        if (data.length !== 4 && data.length !== 16) throw new GoParseError(`x509: cannot parse IP address of length ${data.length}`);
        out.ipAddresses.push(data.slice());
        break;
      default:
        break;
    }
  }
  return out;
}
