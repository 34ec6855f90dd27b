// The extension views cfssl reads back beside Go's parse: SANs as strings, a CSR's basicConstraints (RFC 5280 §4.2).
import { DerError, decodeUnsignedInteger, expectChildren, readSingle } from '../der/der-reader.js';
import { TAG } from '../der/der-writer.js';
import type { SubjectAltNames } from './subject-alt-names.js';
import { parseGoRequestUri } from '../go/parse-request-uri.js';

// Go parses URI SANs with url.Parse and writes them back with URL.String() (the scheme lower-cased).
// Request-URI syntax covers what cfssl puts in SANs; anything else keeps its text with the scheme lower-cased.
function goUriString(text: string): string {
  const parsed = parseGoRequestUri(text);
  if (parsed) return parsed.href;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  return m ? m[1]!.toLowerCase() + text.slice(m[1]!.length) : text;
}

const latin1 = new TextDecoder('latin1');

// Go x509 parseSANExtension: names must be IA5 (ASCII).
function ia5(content: Uint8Array, what: string): string {
  for (const b of content) if (b > 0x7f) throw new DerError(`x509: SAN ${what} is malformed`);
  return latin1.decode(content);
}

/** GeneralNames of a SAN extension value into Go's four lists (other name forms are ignored, like Go). */
export function parseSubjectAltNames(value: Uint8Array): SubjectAltNames {
  const sans: SubjectAltNames = { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] };
  for (const gn of expectChildren(readSingle(value), TAG.SEQUENCE, 'GeneralNames')) {
    switch (gn.tag) {
      case 0x81:
        sans.emailAddresses.push(ia5(gn.content, 'rfc822Name'));
        break;
      case 0x82:
        sans.dnsNames.push(ia5(gn.content, 'dNSName'));
        break;
      case 0x86:
        sans.uris.push(goUriString(ia5(gn.content, 'uniformResourceIdentifier')));
        break;
      case 0x87:
        if (gn.content.length !== 4 && gn.content.length !== 16) {
          throw new DerError(`x509: cannot parse IP address of length ${gn.content.length}`);
        }
        sans.ipAddresses.push(gn.content.slice());
        break;
      default:
        break;
    }
  }
  return sans;
}

/** basicConstraints value → Go's IsCA / MaxPathLen (-1 when absent). */
export function parseBasicConstraints(value: Uint8Array): { isCa: boolean; maxPathLen: number } {
  const parts = expectChildren(readSingle(value), TAG.SEQUENCE, 'BasicConstraints');
  let i = 0;
  let isCa = false;
  let maxPathLen = -1;
  if (parts[i]?.tag === TAG.BOOLEAN) isCa = parts[i++]!.content[0] !== 0;
  if (parts[i]?.tag === TAG.INTEGER) maxPathLen = Number(decodeUnsignedInteger(parts[i++]!.content));
  if (i !== parts.length) throw new DerError('x509: trailing data after X.509 BasicConstraints');
  return { isCa, maxPathLen };
}
