// cfssl csr.Generate / signer/local.OverrideHosts: how each `hosts` entry becomes a SAN.
import { parseGoIp } from '../go/parse-ip.js';
import { parseGoMailAddress } from '../go/parse-mail-address.js';
import { parseGoRequestUri } from '../go/parse-request-uri.js';

/** The SANs cfssl derives from a `hosts` list, each group in input order. */
export interface ClassifiedHosts {
  /** Entries no other test claimed, verbatim (wildcards, spaces and `01.2.3.4` included). */
  dnsNames: string[];
  /** The addr-spec of each entry Go's `mail.ParseAddress` accepts (`Name <a@b>` → `a@b`). */
  emailAddresses: string[];
  /** `net.ParseIP` results: 4 bytes for IPv4 text, 16 for IPv6 (x509 later writes `To4()` when possible). */
  ipAddresses: Uint8Array[];
  /** Go's `URL.String()` of each entry `url.ParseRequestURI` accepts (cfssl 1.6 only). */
  uris: string[];
}

/**
 * Splits cfssl `hosts` into SAN groups the way cfssl does: each string, untrimmed, is an IP if
 * Go's `net.ParseIP` accepts it, else an email if `mail.ParseAddress` does, else (cfssl 1.6,
 * unless `uris: false` asks for 1.2 behaviour) a URI if `url.ParseRequestURI` does, else a DNS name.
 * No trimming, lower-casing or de-duplication.
 *
 * @example
 * classifyHosts(['example.com', '10.0.0.1', 'Ops <ops@example.com>', 'spiffe://t/ns'])
 * // { dnsNames: ['example.com'], ipAddresses: [Uint8Array [10, 0, 0, 1]],
 * //   emailAddresses: ['ops@example.com'], uris: ['spiffe://t/ns'] }
 */
export function classifyHosts(hosts: readonly string[], options: { uris?: boolean } = {}): ClassifiedHosts {
  const withUris = options.uris !== false;
  const out: ClassifiedHosts = { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] };
  for (const host of hosts) {
    const ip = parseGoIp(host);
    if (ip !== null) {
      out.ipAddresses.push(ip);
      continue;
    }
    const email = parseGoMailAddress(host);
    if (email !== null) {
      out.emailAddresses.push(email);
      continue;
    }
    if (withUris) {
      const uri = parseGoRequestUri(host);
      if (uri !== null) {
        out.uris.push(uri.href);
        continue;
      }
    }
    out.dnsNames.push(host);
  }
  return out;
}
