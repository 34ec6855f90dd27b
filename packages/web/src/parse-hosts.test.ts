import { describe, expect, it } from 'vitest';
import { parseHosts } from './parse-hosts.js';

describe('parseHosts', () => {
  it('splits on commas as cfssl-ts etcd-cert -hosts does, and on spaces and new lines', () => {
    expect(parseHosts('127.0.0.1,192.168.31.63')).toEqual(['127.0.0.1', '192.168.31.63']);
    expect(parseHosts(' 10.0.0.1 ,\n etcd.local\t,,fe80::1 ')).toEqual(['10.0.0.1', 'etcd.local', 'fe80::1']);
  });

  it('gives null when no host is named', () => {
    expect(parseHosts('')).toBeNull();
    expect(parseHosts(' , \n ,')).toBeNull();
  });
});
