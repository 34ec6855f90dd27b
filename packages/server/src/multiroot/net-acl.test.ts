// nets ACLs: Go net.ParseCIDR's acceptance and IPNet.Contains, on cfssl's whitelist testdata.
import { readFileSync } from 'node:fs';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { describe, expect, it } from 'vitest';
import { parseNetAcl } from './net-acl.js';
import { parseRootsFile } from './parse-roots-file.js';

const netsOf = (name: string) => {
  const roots = parseRootsFile(readFileSync(fixturePath('multiroot', 'cfssl-testdata', name), 'utf8'), name);
  return roots[0]!.entries.get('nets')!;
};

describe('parseNetAcl', () => {
  it('reads cfssl roots_whitelist.conf (spaces trimmed) and permits only those networks', () => {
    const acl = parseNetAcl(netsOf('roots_whitelist.conf'));
    expect(acl.networks).toEqual(['10.0.2.1/24', '172.16.3.1/24', '192.168.3.15/32']);
    expect(acl.permits('10.0.2.200')).toBe(true);
    expect(acl.permits('10.0.3.1')).toBe(false);
    expect(acl.permits('192.168.3.15')).toBe(true);
    expect(acl.permits('192.168.3.16')).toBe(false);
    expect(acl.permits('127.0.0.1')).toBe(false);
    // node reports an IPv4 client of a dual-stack listener as IPv4-mapped; Go's Contains uses To4.
    expect(acl.permits('::ffff:10.0.2.7')).toBe(true);
  });

  it('reads cfssl roots_whitelist_ipv6.conf', () => {
    const acl = parseNetAcl(netsOf('roots_whitelist_ipv6.conf'));
    expect(acl.permits('::1')).toBe(true);
    expect(acl.permits('::2')).toBe(false);
    expect(acl.permits('fd4d:9855:101d:e68b:1:2:3:4')).toBe(true);
    expect(acl.permits('fd4d:9855:101d:e68c::1')).toBe(false);
    expect(acl.permits('10.0.4.99')).toBe(true);
    expect(acl.permits('not an ip')).toBe(false);
  });

  it('refuses what Go net.ParseCIDR refuses (cfssl roots_bad_whitelist*.conf), with its text', () => {
    expect(() => parseNetAcl(netsOf('roots_bad_whitelist.conf'))).toThrow('invalid CIDR address: 127.0.0.1');
    expect(() => parseNetAcl(netsOf('roots_bad_whitelist2.conf'))).toThrow('invalid CIDR address: 257.0.0.1/24');
    for (const bad of ['10.0.0.0/33', '::1/129', '10.0.0.0/', '10.0.0.0/+8', '', 'fe80::1%eth0/64']) {
      expect(() => parseNetAcl(bad), bad).toThrow(`invalid CIDR address: ${bad}`);
    }
  });

  it('matches a /0 network to every address of its family only', () => {
    expect(parseNetAcl('0.0.0.0/0').permits('203.0.113.9')).toBe(true);
    expect(parseNetAcl('0.0.0.0/0').permits('2001:db8::1')).toBe(false);
    expect(parseNetAcl('10.1.2.3/13').permits('10.7.255.255')).toBe(true);
    expect(parseNetAcl('10.1.2.3/13').permits('10.8.0.0')).toBe(false);
  });
});
