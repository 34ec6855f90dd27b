// Go 1.19 crypto/x509 marshalNameConstraints: RFC 5280 §4.2.1.10 NameConstraints, Go's order and forms.
import { concatBytes, derContextConstructed, derContextPrimitive, derSequence } from '../der/der-writer.js';
import type { IpRange, NameConstraintSet } from '../x509/name-constraint-set.js';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

// GeneralSubtree ::= SEQUENCE { base GeneralName } (minimum and maximum left at their DEFAULT, as Go does).
const subtree = (tag: number, content: Uint8Array): Uint8Array => derSequence([derContextPrimitive(tag, content)]);

// Go ipAndMask: the address masked (IP.Mask, equal lengths here), then the mask.
const ipAndMask = (r: IpRange): Uint8Array => concatBytes([r.ip.map((b, i) => b & (r.mask[i] ?? 0)), r.mask]);

// Go serialiseConstraints: dNSName [2], then iPAddress [7] (address + mask), rfc822Name [1], URI [6].
function subtrees(dns: readonly string[], ips: readonly IpRange[], emails: readonly string[], uris: readonly string[]): Uint8Array {
  return concatBytes([
    ...dns.map((d) => subtree(2, ascii(d))),
    ...ips.map((r) => subtree(7, ipAndMask(r))),
    ...emails.map((e) => subtree(1, ascii(e))),
    ...uris.map((u) => subtree(6, ascii(u))),
  ]);
}

/**
 * The nameConstraints extension value as Go's crypto/x509 writes it: SEQUENCE { [0] permittedSubtrees,
 * [1] excludedSubtrees }, each omitted when empty. Entries must already be IA5 (ASCII) text (see
 * `resolveNameConstraints`); IP addresses are masked as Go masks them.
 *
 * @example encodeNameConstraints({ ...emptySet, permittedDns: ['example.com'] }) // 30 11 a0 0f 30 0d 82 0b ...
 */
export function encodeNameConstraints(nc: NameConstraintSet): Uint8Array {
  const permitted = subtrees(nc.permittedDns, nc.permittedIp, nc.permittedEmail, nc.permittedUri);
  const excluded = subtrees(nc.excludedDns, nc.excludedIp, nc.excludedEmail, nc.excludedUri);
  const parts: Uint8Array[] = [];
  if (permitted.length > 0) parts.push(derContextConstructed(0, [permitted]));
  if (excluded.length > 0) parts.push(derContextConstructed(1, [excluded]));
  return derSequence(parts);
}
