import { describe, it, expect } from 'vitest';
import { formatGoIp, ipToSanBytes, parseGoIp } from './parse-ip.js';

const v4 = (a: number, b: number, c: number, d: number): number[] => [a, b, c, d];
const v4in6 = (a: number, b: number, c: number, d: number): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d];
const bytes = (ip: Uint8Array | null): number[] | null => (ip === null ? null : Array.from(ip));

describe('parseGoIp', () => {
  // Go net/ip_test.go parseIPTests (Go returns 16-byte forms; IPv4 input is 4 bytes here by contract).
  it.each<[string, number[]]>([
    ['127.0.1.2', v4(127, 0, 1, 2)],
    ['127.0.0.1', v4(127, 0, 0, 1)],
    ['::ffff:127.1.2.3', v4in6(127, 1, 2, 3)],
    ['::ffff:7f01:0203', v4in6(127, 1, 2, 3)],
    ['0:0:0:0:0000:ffff:127.1.2.3', v4in6(127, 1, 2, 3)],
    ['0:0:0:0:000000:ffff:127.1.2.3', v4in6(127, 1, 2, 3)],
    ['0:0:0:0::ffff:127.1.2.3', v4in6(127, 1, 2, 3)],
    ['2001:4860:0:2001::68', [0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68]],
    ['2001:4860:0000:2001:0000:0000:0000:0068', [0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68]],
  ])('accepts %s', (input, want) => {
    expect(bytes(parseGoIp(input))).toEqual(want);
  });

  it.each([
    // Go net/ip_test.go parseIPTests (nil results)
    '-0.0.0.0',
    '0.-1.0.0',
    '0.0.-2.0',
    '0.0.0.-3',
    '127.0.0.256',
    'abc',
    '123:',
    'fe80::1%lo0',
    'fe80::1%911',
    '',
    'a1:a2:a3:a4::b1:b2:b3:b4',
    '127.001.002.003',
    '::ffff:127.001.002.003',
    '123.000.000.000',
    '1.2..4',
    '0123.0.0.1',
    // Go net/netip/netip_test.go invalidIPs (asserted nil for net.ParseIP too)
    'bad',
    '1234',
    '1.2.3.4%eth0',
    '.1.2.3',
    '1.2.3.',
    '1..2.3',
    '1.2.3.4.5',
    '0300.0250.0214.0377',
    '0xc0.0xa8.0x8c.0xff',
    '192.168.12345',
    '127.0.1',
    '192.1234567',
    '127.1',
    '192.168.300.1',
    '192.168.0.1.5.6',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4::5:6:7:8',
    'fe801::1',
    'fe80:tail:scal:e::',
    'fe80::1%',
    'ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
    'ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
    '::ffff:192.168.140.bad',
    'fe80::1::1',
    'fe80:1?:1',
    'fe80:',
    // netip_test.go TestParseAddr error rows; zones, brackets and spaces (reference §4.4)
    '010.000.015.001',
    '::ffff:1.2.03.4',
    'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0',
    '[::1]',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '01.2.3.4',
  ])('rejects %j', (input) => {
    expect(parseGoIp(input)).toBeNull();
  });

  it('parses the netip_test.go valid rows', () => {
    expect(bytes(parseGoIp('0.0.0.0'))).toEqual([0, 0, 0, 0]);
    expect(bytes(parseGoIp('192.168.140.255'))).toEqual([192, 168, 140, 255]);
    expect(bytes(parseGoIp('::'))).toEqual(new Array(16).fill(0));
    expect(bytes(parseGoIp('::1'))).toEqual([...new Array<number>(15).fill(0), 1]);
    expect(bytes(parseGoIp('fd7a:115c::626b:430b'))).toEqual([0xfd, 0x7a, 0x11, 0x5c, 0, 0, 0, 0, 0, 0, 0, 0, 0x62, 0x6b, 0x43, 0x0b]);
    expect(bytes(parseGoIp('fd7a:115c:a1e0:ab12:4843:cd96:626b::'))).toEqual([
      0xfd, 0x7a, 0x11, 0x5c, 0xa1, 0xe0, 0xab, 0x12, 0x48, 0x43, 0xcd, 0x96, 0x62, 0x6b, 0, 0,
    ]);
    expect(bytes(parseGoIp('::ffff:192.168.140.255'))).toEqual(v4in6(192, 168, 140, 255));
    expect(bytes(parseGoIp('FD9E:1A04:F01D::1'))).toEqual([0xfd, 0x9e, 0x1a, 0x04, 0xf0, 0x1d, ...new Array<number>(9).fill(0), 1]);
  });

  it('accepts an embedded IPv4 tail after other groups (NAT64 prefix)', () => {
    expect(bytes(parseGoIp('64:ff9b::1.2.3.4'))).toEqual([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
  });
});

describe('ipToSanBytes', () => {
  it('writes IPv4 and IPv4-mapped addresses as 4 bytes (Go IP.To4)', () => {
    expect(bytes(ipToSanBytes(Uint8Array.from([10, 0, 0, 1])))).toEqual([10, 0, 0, 1]);
    expect(bytes(ipToSanBytes(Uint8Array.from(v4in6(127, 1, 2, 3))))).toEqual([127, 1, 2, 3]);
  });
  it('keeps other IPv6 addresses at 16 bytes', () => {
    const ip = Uint8Array.from([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    expect(bytes(ipToSanBytes(ip))).toEqual(Array.from(ip));
    expect(bytes(ipToSanBytes(new Uint8Array(16)))).toEqual(new Array(16).fill(0));
  });
});

describe('formatGoIp', () => {
  // Go net/ip_test.go ipStringTests
  it.each<[number[], string]>([
    [[192, 0, 2, 1], '192.0.2.1'],
    [[0, 0, 0, 0], '0.0.0.0'],
    [v4in6(192, 0, 2, 1), '192.0.2.1'],
    [v4in6(0, 0, 0, 0), '0.0.0.0'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0x1, 0x23, 0, 0x12, 0, 0x1], '2001:db8::123:12:1'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1], '2001:db8::1'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0x1, 0, 0, 0, 0x1, 0, 0, 0, 0x1], '2001:db8:0:1:0:1:0:1'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0x1, 0, 0, 0, 0x1, 0, 0, 0, 0x1, 0, 0], '2001:db8:1:0:1:0:1:0'],
    [[0x20, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0x1], '2001::1:0:0:1'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0], '2001:db8:0:0:1::'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0x1], '2001:db8::1:0:0:1'],
    [[0x20, 0x1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0xa, 0, 0xb, 0, 0xc, 0, 0xd], '2001:db8::a:b:c:d'],
    [new Array(16).fill(0), '::'],
    [[], '<nil>'],
    [[0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef], '?0123456789abcdef'],
  ])('formats %j as %s', (ip, want) => {
    expect(formatGoIp(Uint8Array.from(ip))).toBe(want);
  });

  it('round-trips netip_test.go rows through net.IP.String()', () => {
    // netip_test.go: "fd7a:115c:a1e0:ab12:4843:cd96:626b::" prints its trailing single zero group.
    expect(formatGoIp(parseGoIp('fd7a:115c:a1e0:ab12:4843:cd96:626b::')!)).toBe('fd7a:115c:a1e0:ab12:4843:cd96:626b:0');
    expect(formatGoIp(parseGoIp('fd7a:115c:a1e0::4843:cd96:626b:430b')!)).toBe('fd7a:115c:a1e0:0:4843:cd96:626b:430b');
    expect(formatGoIp(parseGoIp('FD9E:1A04:F01D::1')!)).toBe('fd9e:1a04:f01d::1');
  });
});
