// Fuzzing Go's net.ParseIP: any text gives null or a 16-byte address (Go's form), never an exception; every
// address net.IP.String() writes parses back to the same address.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { formatGoIp, ipToSanBytes, parseGoIp } from './parse-ip.js';

fuzzTarget({
  target: 'ip-parse',
  arbitrary: fc.oneof(
    fc.string({ unit: fc.constantFrom(...Array.from('0123456789abcdefABCDEF.:%/ '), '::', 'ffff', '255', '256', '00'), maxLength: 45 }),
    fc.ipV4().map((ip) => ip.replace(/\d+$/, (n) => `0${n}`)),
    fc.ipV6(),
    fc.string({ maxLength: 20 }),
  ),
  check: (text) => {
    const ip = parseGoIp(text);
    if (ip !== null) expect([4, 16]).toContain(ip.length);
  },
  runs: 500,
});

fuzzTarget({
  target: 'ip-round-trip',
  arbitrary: fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 })),
  check: (ip) => {
    const back = parseGoIp(formatGoIp(ip));
    expect(back).not.toBeNull();
    expect(ipToSanBytes(back!)).toEqual(ipToSanBytes(ip));
  },
  runs: 500,
});
