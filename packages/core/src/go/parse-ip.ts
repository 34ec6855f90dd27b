// Go net.ParseIP / net.IP.String / x509 IP SAN marshalling (Go 1.19–1.22 rules).

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] as const;

/**
 * Parses an IP address exactly as Go's `net.ParseIP` accepts it.
 *
 * IPv4 is a dotted quad of decimal octets 0–255 without leading zeros (Go ≥ 1.17);
 * IPv6 allows `::` once, hex groups up to 0xffff and an embedded IPv4 tail
 * (`::ffff:1.2.3.4`), but no zone (`fe80::1%eth0`), brackets or surrounding spaces.
 * Returns 4 bytes for IPv4 input and 16 bytes for IPv6 input, or `null` where Go returns nil.
 *
 * @example
 * parseGoIp('10.0.0.1') // Uint8Array [10, 0, 0, 1]
 * parseGoIp('01.2.3.4') // null
 */
export function parseGoIp(s: string): Uint8Array | null {
  // Go net.ParseIP: the first '.' or ':' decides the family.
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '.') return parseIpv4(s);
    if (c === ':') return parseIpv6(s);
  }
  return null;
}

// Go netip.parseIPv4 (also what net.parseIPv4 accepts since Go 1.17).
function parseIpv4(s: string): Uint8Array | null {
  const out = new Uint8Array(4);
  let pos = 0;
  let val = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digits === 1 && val === 0) return null; // leading zero
      val = val * 10 + (c - 0x30);
      digits++;
      if (val > 255) return null;
    } else if (c === 0x2e) {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') return null;
      if (pos === 3) return null;
      out[pos++] = val;
      val = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  if (pos < 3) return null;
  out[3] = val;
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

// Go netip.parseIPv6, with net.ParseIP's rejection of zones.
function parseIpv6(input: string): Uint8Array | null {
  if (input.includes('%')) return null;
  let s = input;
  const ip = new Uint8Array(16);
  let ellipsis = -1;

  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }

  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const v = hexValue(s.charCodeAt(off));
      if (v < 0) break;
      acc = acc * 16 + v;
      if (acc > 0xffff) return null;
    }
    if (off === 0) return null;

    if (off < s.length && s[off] === '.') {
      // Embedded IPv4 must replace the last two groups.
      if (ellipsis < 0 && i !== 12) return null;
      if (i + 4 > 16) return null;
      const v4 = parseIpv4(s);
      if (v4 === null) return null;
      ip.set(v4, i);
      s = '';
      i += 4;
      break;
    }

    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;

    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return null;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return null;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }

  if (s.length !== 0) return null;

  if (i < 16) {
    if (ellipsis < 0) return null;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] ?? 0;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return null; // "::" must stand for at least one group
  }
  return ip;
}

// Go net.IP.To4.
function to4(ip: Uint8Array): Uint8Array | null {
  if (ip.length === 4) return ip;
  if (ip.length === 16 && V4_IN_V6_PREFIX.every((b, k) => ip[k] === b)) return ip.slice(12, 16);
  return null;
}

/**
 * The bytes Go's crypto/x509 writes into an iPAddress SAN for `ip`:
 * `ip.To4()` (4 bytes) for IPv4 and IPv4-mapped IPv6 addresses, else the 16 bytes as given.
 *
 * @example
 * ipToSanBytes(parseGoIp('::ffff:10.0.0.1')!) // Uint8Array [10, 0, 0, 1]
 */
export function ipToSanBytes(ip: Uint8Array): Uint8Array {
  const v4 = to4(ip);
  return v4 === null ? ip.slice() : v4.slice();
}

/**
 * Go's `net.IP.String()`: dotted quad for 4-byte and IPv4-mapped addresses, RFC 5952 text for
 * other 16-byte addresses (first longest run of two or more zero groups becomes `::`),
 * `<nil>` for an empty slice and `?` + hex for any other length.
 *
 * @example
 * formatGoIp(parseGoIp('2001:db8:0:0:0:0:0:1')!) // '2001:db8::1'
 */
export function formatGoIp(ip: Uint8Array): string {
  if (ip.length === 0) return '<nil>';
  const v4 = to4(ip);
  if (v4 !== null) return Array.from(v4, (b) => String(b)).join('.');
  if (ip.length !== 16) return '?' + Array.from(ip, (b) => b.toString(16).padStart(2, '0')).join('');

  const group = (k: number): number => ((ip[k] ?? 0) << 8) | (ip[k + 1] ?? 0);
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < 16; i += 2) {
    let j = i;
    while (j < 16 && group(j) === 0) j += 2;
    if (j > i && j - i > e1 - e0) {
      e0 = i;
      e1 = j;
      i = j;
    }
  }
  if (e1 - e0 <= 2) {
    e0 = -1;
    e1 = -1;
  }

  let out = '';
  for (let i = 0; i < 16; i += 2) {
    if (i === e0) {
      out += '::';
      i = e1;
      if (i >= 16) break;
    } else if (i > 0) {
      out += ':';
    }
    out += group(i).toString(16);
  }
  return out;
}
