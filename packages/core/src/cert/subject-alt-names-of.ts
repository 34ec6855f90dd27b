// cfssl's SAN view over Go's parseSANExtension result (x509/parse-go-subject-alt-names.ts): URIs as text.
import { parseGoRequestUri } from '../go/parse-request-uri.js';
import type { GoSubjectAltNames } from '../x509/parse-go-subject-alt-names.js';
import type { SubjectAltNames } from './subject-alt-names.js';

// Go parses URI SANs with url.Parse and writes them back with URL.String() (the scheme lower-cased).
// Request-URI syntax covers what cfssl puts in SANs; anything else keeps its text with the scheme lower-cased.
function goUriString(text: string): string {
  const parsed = parseGoRequestUri(text);
  if (parsed) return parsed.href;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  return m ? m[1]!.toLowerCase() + text.slice(m[1]!.length) : text;
}

/** The SAN lists of Go's parse of a subjectAltName extension (all empty when there is none). */
export function subjectAltNamesOf(go: GoSubjectAltNames | null): SubjectAltNames {
  if (go === null) return { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] };
  return {
    dnsNames: go.dnsNames,
    emailAddresses: go.emailAddresses,
    ipAddresses: go.ipAddresses,
    uris: go.uris.length === 0 ? [] : go.uris.map(goUriString),
  };
}
