// The extension views cfssl reads back beside Go's parse: SANs as strings, a CSR's basicConstraints (RFC 5280 §4.2).
import { DerError, decodeUnsignedInteger, expectChildren, readSingle } from '../der/der-reader.js';
import { TAG } from '../der/der-writer.js';
import { CryptobyteReader } from '../der/cryptobyte-reader.js';
import { GoParseError } from '../x509/go-parse-error.js';
import { parseGoSubjectAltNames } from '../x509/parse-go-subject-alt-names.js';
import type { SubjectAltNames } from './subject-alt-names.js';
import { subjectAltNamesOf } from './subject-alt-names-of.js';

/**
 * A subjectAltName extension value as Go's parseSANExtension reads it, in cfssl's SAN view, refusing bytes after
 * the GeneralNames (RFC 5280 §4.2.1.6). Throws GoParseError (a DerError).
 */
export function parseSubjectAltNames(value: Uint8Array): SubjectAltNames {
  const sans = subjectAltNamesOf(parseGoSubjectAltNames(value));
  const r = new CryptobyteReader(value);
  if (r.readElement(0x30) === null || !r.empty()) throw new GoParseError('x509: trailing data after X.509 subjectAltName');
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
