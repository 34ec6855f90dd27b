// Go 1.19 net.ParseCIDR: address (IPv4 4 bytes, IPv6 16), a decimal prefix length, the network masked.
import { parseGoIp } from './parse-ip.js';

/** A network as Go's *net.IPNet from ParseCIDR: `ip` already masked, `mask` of the same length. */
export interface GoIpNet {
  ip: Uint8Array;
  mask: Uint8Array;
}

/** Go net.ParseCIDR's network, or null where Go returns a ParseError ("invalid CIDR address"). */
export function parseGoCidr(s: string): GoIpNet | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = parseGoIp(s.slice(0, slash));
  const digits = s.slice(slash + 1);
  // Go dtoi: decimal digits only (leading zeros allowed), at least one, the whole rest.
  if (ip === null || !/^[0-9]+$/.test(digits)) return null;
  const ones = Number(digits);
  if (ones > ip.length * 8) return null;
  const mask = new Uint8Array(ip.length);
  for (let i = 0; i < mask.length; i++) mask[i] = 0xff & ~(0xff >> Math.max(0, Math.min(8, ones - i * 8)));
  return { ip: ip.map((b, i) => b & mask[i]!), mask };
}
