import { describe, it, expect } from 'vitest';
import { classifyHosts } from './classify-host.js';

const bytes = (ips: Uint8Array[]): number[][] => ips.map((ip) => Array.from(ip));
const v4in6 = (a: number, b: number, c: number, d: number): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d];

describe('classifyHosts', () => {
  it('splits cfssl csr_test.go TestGenerate hosts into 2 DNS, 1 IP, 1 email and 1 URI', () => {
    const got = classifyHosts(['cloudflare.com', 'www.cloudflare.com', '192.168.0.1', 'jdoe@example.com', 'https://www.cloudflare.com']);
    expect(got.dnsNames).toEqual(['cloudflare.com', 'www.cloudflare.com']);
    expect(bytes(got.ipAddresses)).toEqual([[192, 168, 0, 1]]);
    expect(got.emailAddresses).toEqual(['jdoe@example.com']);
    // cfssl selfsign_test.go expects the URL {Scheme: "https", Host: "www.cloudflare.com"}.
    expect(got.uris).toEqual(['https://www.cloudflare.com']);
  });

  it('turns URI-like strings into URIs in 1.6 (reference §4.4, verified)', () => {
    const hosts = ['https://x/p', 'spiffe://t/ns', 'urn:foo', '/abs/path', 'host.example.com:443', 'localhost:8080'];
    const got = classifyHosts(hosts);
    expect(got.uris).toEqual(hosts);
    expect(got.dnsNames).toEqual([]);
  });

  it('keeps URIs as DNS names without the URI step (cfssl 1.2, verified DNS:https://example.com/path)', () => {
    const got = classifyHosts(['https://example.com/path', 'host.example.com:443'], { uris: false });
    expect(got.dnsNames).toEqual(['https://example.com/path', 'host.example.com:443']);
    expect(got.uris).toEqual([]);
  });

  it('stores only the address part of an email (reference §4.4)', () => {
    const got = classifyHosts(['Name <n@x.test>', 'a@b']);
    expect(got.emailAddresses).toEqual(['n@x.test', 'a@b']);
  });

  it('parses IPs as Go does: IPv4 text as 4 bytes, IPv6 text (even IPv4-mapped) as 16', () => {
    const got = classifyHosts(['10.0.0.1', '::ffff:1.2.3.4', '::1']);
    expect(bytes(got.ipAddresses)).toEqual([[10, 0, 0, 1], v4in6(1, 2, 3, 4), [...new Array<number>(15).fill(0), 1]]);
  });

  it('leaves everything else verbatim as DNS names, in order, without dedupe (reference §4.4)', () => {
    const hosts = ['*.example.com', '', 'example.com ', ' example.com', '01.2.3.4', 'Example.COM', 'example.com', 'example.com'];
    const got = classifyHosts(hosts);
    expect(got.dnsNames).toEqual(hosts);
    expect(got.ipAddresses).toEqual([]);
    expect(got.emailAddresses).toEqual([]);
    expect(got.uris).toEqual([]);
  });

  it('lets a zoned IPv6 address fall through to the URI test (scheme "fe80", opaque ":1%eth0")', () => {
    expect(classifyHosts(['fe80::1%eth0']).uris).toEqual(['fe80::1%eth0']);
    expect(classifyHosts(['fe80::1%eth0'], { uris: false }).dnsNames).toEqual(['fe80::1%eth0']);
  });

  it('preserves input order within each group', () => {
    const got = classifyHosts(['b.test', '2.2.2.2', 'z@z', 'a.test', '1.1.1.1', 'y@y', 'urn:b', 'urn:a']);
    expect(got.dnsNames).toEqual(['b.test', 'a.test']);
    expect(bytes(got.ipAddresses)).toEqual([
      [2, 2, 2, 2],
      [1, 1, 1, 1],
    ]);
    expect(got.emailAddresses).toEqual(['z@z', 'y@y']);
    expect(got.uris).toEqual(['urn:b', 'urn:a']);
  });

  it('tests IP before email before URI', () => {
    // "mailto:x@y;" is a one-address mail group, so Go's mail parser claims it before the URI test.
    const got = classifyHosts(['mailto:x@y;', 'mailto:x@y']);
    expect(got.emailAddresses).toEqual(['x@y']);
    expect(got.uris).toEqual(['mailto:x@y']);
  });
});
