// cfssl config.KeyUsage / config.ExtKeyUsage tables and SigningProfile.Usages().

/**
 * Key usage names -> Go `x509.KeyUsage` flag (1 << RFC 5280 bit number). Both spellings of
 * contentCommitment are accepted: `content commitment` (1.6) and `content committment` (1.2).
 */
export const KEY_USAGE_BITS: ReadonlyMap<string, number> = new Map([
  ['signing', 1 << 0],
  ['digital signature', 1 << 0],
  ['content commitment', 1 << 1],
  ['content committment', 1 << 1],
  ['key encipherment', 1 << 2],
  ['data encipherment', 1 << 3],
  ['key agreement', 1 << 4],
  ['cert sign', 1 << 5],
  ['crl sign', 1 << 6],
  ['encipher only', 1 << 7],
  ['decipher only', 1 << 8],
]);

/** Extended key usage names -> dotted OID (Go crypto/x509's ExtKeyUsage OIDs). */
export const EXT_KEY_USAGE_OIDS: ReadonlyMap<string, string> = new Map([
  ['any', '2.5.29.37.0'],
  ['server auth', '1.3.6.1.5.5.7.3.1'],
  ['client auth', '1.3.6.1.5.5.7.3.2'],
  ['code signing', '1.3.6.1.5.5.7.3.3'],
  ['email protection', '1.3.6.1.5.5.7.3.4'],
  ['s/mime', '1.3.6.1.5.5.7.3.4'],
  ['ipsec end system', '1.3.6.1.5.5.7.3.5'],
  ['ipsec tunnel', '1.3.6.1.5.5.7.3.6'],
  ['ipsec user', '1.3.6.1.5.5.7.3.7'],
  ['timestamping', '1.3.6.1.5.5.7.3.8'],
  ['ocsp signing', '1.3.6.1.5.5.7.3.9'],
  ['microsoft sgc', '1.3.6.1.4.1.311.10.3.3'],
  ['netscape sgc', '2.16.840.1.113730.4.1'],
]);

/** What a profile's `usages` resolve to. */
export interface ResolvedUsages {
  /** OR of the Go x509.KeyUsage flags named (bit n = 1 << n). */
  keyUsageBits: number;
  /** Dotted EKU OIDs in config order, duplicates kept (as cfssl emits them). */
  extKeyUsages: string[];
  /** Names that are neither (case-sensitive, exact match). */
  unknown: string[];
}

/**
 * cfssl `SigningProfile.Usages()`: each name is looked up as a key usage first, then as an extended key usage.
 *
 * @example resolveUsages(['signing', 'server auth', 'nope']) // { keyUsageBits: 1, extKeyUsages: ['1.3.6.1.5.5.7.3.1'], unknown: ['nope'] }
 */
export function resolveUsages(usages: readonly string[]): ResolvedUsages {
  let keyUsageBits = 0;
  const extKeyUsages: string[] = [];
  const unknown: string[] = [];
  for (const name of usages) {
    const bit = KEY_USAGE_BITS.get(name);
    const oid = EXT_KEY_USAGE_OIDS.get(name);
    if (bit !== undefined) keyUsageBits |= bit;
    else if (oid !== undefined) extKeyUsages.push(oid);
    else unknown.push(name);
  }
  return { keyUsageBits, extKeyUsages, unknown };
}
