// cfssl whitelist.BasicNet from multiroot's `nets = CIDR, CIDR`: the client IP must lie in one of the networks.
import { CfsslError } from '@cfssl-ts/core';
import { parseGoIp } from '@cfssl-ts/core/go';

/** A list of permitted networks (cfssl whitelist.NetACL). */
export interface NetAcl {
  /** The networks as written (trimmed). */
  readonly networks: readonly string[];
  /** Whether `ip` (a textual address, as node's `socket.remoteAddress`) is in one of the networks. */
  permits(ip: string): boolean;
}

interface Network {
  bytes: Uint8Array;
  prefix: number;
}

const V4_IN_V6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

// net.IP.To4: a 16-byte IPv4-mapped address as its 4 bytes.
function to4(ip: Uint8Array): Uint8Array {
  return ip.length === 16 && V4_IN_V6.every((b, i) => ip[i] === b) ? ip.subarray(12) : ip;
}

// net.ParseCIDR: ADDR/BITS, decimal bits up to the address length; else `invalid CIDR address: <s>`.
function parseCidr(s: string): Network {
  const bad = () => new CfsslError('ERR_ROOTS_FILE', 0, `invalid CIDR address: ${s}`);
  const slash = s.indexOf('/');
  if (slash < 0) throw bad();
  const ip = parseGoIp(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (ip === null || !/^\d{1,3}$/.test(bitsText)) throw bad();
  const bits = Number(bitsText);
  if (bits > ip.length * 8) throw bad();
  // net.networkNumberAndMask: an IPv4-mapped network is matched as IPv4 with the mask's last 32 bits.
  const v4 = to4(ip);
  return v4.length === 4 && ip.length === 16 ? { bytes: v4, prefix: Math.max(0, bits - 96) } : { bytes: ip, prefix: bits };
}

function contains(n: Network, ip: Uint8Array): boolean {
  if (ip.length !== n.bytes.length) return false;
  for (let bit = 0; bit < n.prefix; bit += 8) {
    const take = Math.min(8, n.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((ip[bit / 8]! ^ n.bytes[bit / 8]!) & mask) !== 0) return false;
  }
  return true;
}

/**
 * cfssl multiroot parseACL: a comma-separated list of CIDR networks, each trimmed (`10.0.0.0/8, ::1/128`).
 * A bare address is refused as Go's `net.ParseCIDR` refuses it.
 *
 * @example parseNetAcl('10.0.0.0/8, 192.168.1.0/24').permits('10.1.2.3') // true
 */
export function parseNetAcl(nets: string): NetAcl {
  const networks = nets.split(',').map((n) => n.trim());
  const parsed = networks.map(parseCidr);
  return {
    networks,
    permits(address: string): boolean {
      const raw = parseGoIp(address);
      if (raw === null) return false;
      const ip = to4(raw);
      return parsed.some((n) => contains(n, ip));
    },
  };
}
