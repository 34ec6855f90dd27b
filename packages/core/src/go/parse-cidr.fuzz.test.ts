// Fuzzing Go's net.ParseCIDR: any text gives null or a masked network (address and mask of one length, the mask
// contiguous ones), never an exception; the network's IPNet text parses back to the same network.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { formatGoIpNet, parseGoCidr } from './parse-cidr.js';

fuzzTarget({
  target: 'cidr-parse',
  arbitrary: fc.oneof(
    fc.string({ unit: fc.constantFrom(...Array.from('0123456789abcdef.:/%+- '), '::', 'ffff', '255', '/8', '/128', '/33'), maxLength: 50 }),
    fc.tuple(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: -1, max: 140 })).map(([ip, n]) => `${ip}/${n}`),
    fc.string({ maxLength: 20 }),
  ),
  check: (text) => {
    const net = parseGoCidr(text);
    if (net === null) return;
    expect([4, 16]).toContain(net.ip.length);
    expect(net.mask.length).toBe(net.ip.length);
    const bits = Array.from(net.mask, (b) => b.toString(2).padStart(8, '0')).join('');
    expect(bits).toMatch(/^1*0*$/);
    net.ip.forEach((b, i) => expect(b & ~net.mask[i]!).toBe(0));
    const back = parseGoCidr(formatGoIpNet(net));
    // An IPv4-mapped IPv6 network prints as IPv4 (Go's IPNet.String), so compare the printed forms.
    expect(back && formatGoIpNet(back)).toBe(formatGoIpNet(net));
  },
  runs: 500,
});
