import { describe, expect, it } from 'vitest';
import { formatGoIpNet, parseGoCidr } from './parse-cidr.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const net = (s: string) => {
  const n = parseGoCidr(s);
  return n === null ? null : [hex(n.ip), hex(n.mask), formatGoIpNet(n)];
};

// Expected values printed by Go 1.19.8's net.ParseCIDR and (*net.IPNet).String() for the same inputs.
describe('parseGoCidr / formatGoIpNet (Go net.ParseCIDR, IPNet.String)', () => {
  it('accepts what Go accepts, with the network masked', () => {
    expect(net('10.0.0.0/8')).toEqual(['0a000000', 'ff000000', '10.0.0.0/8']);
    expect(net('10.1.2.3/8')).toEqual(['0a000000', 'ff000000', '10.0.0.0/8']);
    expect(net('1.2.3.4/08')).toEqual(['01000000', 'ff000000', '1.0.0.0/8']);
    expect(net('1.2.3.4/0000000000032')).toEqual(['01020304', 'ffffffff', '1.2.3.4/32']);
    expect(net('0.0.0.0/0')).toEqual(['00000000', '00000000', '0.0.0.0/0']);
    expect(net('::/0')).toEqual(['0'.repeat(32), '0'.repeat(32), '::/0']);
    expect(net('fd00::/8')).toEqual([`fd${'0'.repeat(30)}`, `ff${'0'.repeat(30)}`, 'fd00::/8']);
    expect(net('2001:db8::1/64')).toEqual([`20010db8${'0'.repeat(24)}`, `${'f'.repeat(16)}${'0'.repeat(16)}`, '2001:db8::/64']);
    expect(net('::ffff:10.0.0.0/104')).toEqual(['00000000000000000000ffff0a000000', 'ffffffffffffffffffffffffff000000', '10.0.0.0/8']);
  });

  it('refuses what Go refuses (invalid CIDR address)', () => {
    for (const s of ['10.0.0/33', '10.0.0.0/33', '1.2.3.4/', '1.2.3.4', 'fe80::1%eth0/64', '1.2.3.4/+8', '01.2.3.4/8', ' 1.2.3.4/8']) {
      expect(parseGoCidr(s), s).toBeNull();
    }
  });

  it('prints a non-canonical mask in hex, as Go does', () => {
    expect(formatGoIpNet({ ip: Uint8Array.of(10, 0, 0, 0), mask: Uint8Array.of(0xff, 0, 0xff, 0) })).toBe('10.0.0.0/ff00ff00');
  });
});
