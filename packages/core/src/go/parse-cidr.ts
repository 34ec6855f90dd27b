// Go 1.19 net.ParseCIDR: address (IPv4 4 bytes, IPv6 16), a decimal prefix length, the network masked.
import { formatGoIp, parseGoIp } from './parse-ip.js';

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

// Go simpleMaskLength: the prefix length of a canonical mask, -1 otherwise.
function simpleMaskLength(mask: Uint8Array): number {
  let ones = 0;
  for (let i = 0; i < mask.length; i++) {
    const v = mask[i]!;
    if (v === 0xff) {
      ones += 8;
      continue;
    }
    let b = v;
    while (b & 0x80) {
      ones++;
      b = (b << 1) & 0xff;
    }
    if (b !== 0) return -1;
    for (let j = i + 1; j < mask.length; j++) if (mask[j] !== 0) return -1;
    break;
  }
  return ones;
}

const V4_IN_V6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Go (*net.IPNet).String(): `10.0.0.0/8`, `fd00::/8`; an IPv4-mapped network with a 16-byte mask prints as IPv4. */
export function formatGoIpNet(net: GoIpNet): string {
  // Go networkNumberAndMask: the address To4() when it can, the mask cut to match.
  const isV4 = net.ip.length === 4 || (net.ip.length === 16 && V4_IN_V6.every((b, i) => net.ip[i] === b));
  const ip = net.ip.length === 16 && isV4 ? net.ip.subarray(12) : net.ip;
  let mask: Uint8Array | null = net.mask;
  if (ip.length !== 4 && ip.length !== 16) mask = null;
  else if (mask.length === 4) mask = ip.length === 4 ? mask : null;
  else if (mask.length === 16) mask = ip.length === 4 ? mask.subarray(12) : mask;
  else mask = null;
  if (mask === null) return '<nil>';
  const ones = simpleMaskLength(mask);
  const hex = Array.from(mask, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${formatGoIp(ip)}/${ones === -1 ? hex : String(ones)}`;
}
