import { type ParsedCertificate } from '@cfssl-ts/core';
import { parseGoIp } from '@cfssl-ts/core/go';
import { describe, expect, it } from 'vitest';
import { verifyHostname } from './verify-hostname.js';

// Only the fields VerifyHostname and HostnameError read.
function cert(options: { dns?: string[]; ips?: string[]; cn?: string; sanExtension?: boolean }): ParsedCertificate {
  const ips = (options.ips ?? []).map((ip) => parseGoIp(ip) as Uint8Array);
  const hasSans = options.sanExtension ?? (options.dns?.length ?? 0) + ips.length > 0;
  return {
    extensions: hasSans ? [{ oid: '2.5.29.17', critical: false, value: new Uint8Array() }] : [],
    sans: { dnsNames: options.dns ?? [], emailAddresses: [], ipAddresses: ips, uris: [] },
    subject: { name: { commonName: options.cn ?? '' } },
  } as unknown as ParsedCertificate;
}

// Go crypto/x509 x509_test.go matchHostnamesTests: {pattern, host, ok} checked as Certificate{DNSNames: [pattern]}.VerifyHostname(host).
const GO_MATCH_HOSTNAMES: Array<[string, string, boolean]> = [
  ['a.b.c', 'a.b.c', true],
  ['a.b.c', 'b.b.c', false],
  ['', 'b.b.c', false],
  ['a.b.c', '', false],
  ['example.com', 'example.com', true],
  ['example.com', 'www.example.com', false],
  ['*.example.com', 'example.com', false],
  ['*.example.com', 'www.example.com', true],
  ['*.example.com', 'www.example.com.', true],
  ['*.example.com', 'xyz.www.example.com', false],
  ['*.example.com', 'https://www.example.com', false],
  ['*.example..com', 'www.example..com', false],
  ['www.example..com', 'www.example..com', true],
  ['*.*.example.com', 'xyz.www.example.com', false],
  ['*.www.*.com', 'xyz.www.example.com', false],
  ['*bar.example.com', 'foobar.example.com', false],
  ['f*.example.com', 'foobar.example.com', false],
  ['www.example.com', '*.example.com', false],
  ['', '.', false],
  ['.', '', false],
  ['.', '.', false],
  ['example.com', 'example.com.', true],
  ['example.com.', 'example.com', false],
  ['example.com.', 'example.com.', true],
  ['*.com.', 'example.com.', false],
  ['*.com.', 'example.com', false],
  ['*.com', 'example.com', true],
  ['*.com', 'example.com.', true],
  ['foo:bar', 'foo:bar', true],
  ['*.foo:bar', 'xxx.foo:bar', false],
  ['*.2.3.4', '1.2.3.4', false],
  ['*.2.3.4', '[1.2.3.4]', false],
  ['*:4860:4860::8888', '2001:4860:4860::8888', false],
  ['*:4860:4860::8888', '[2001:4860:4860::8888]', false],
  ['2001:4860:4860::8888', '2001:4860:4860::8888', false],
  ['2001:4860:4860::8888', '[2001:4860:4860::8888]', false],
  ['[2001:4860:4860::8888]', '2001:4860:4860::8888', false],
  ['[2001:4860:4860::8888]', '[2001:4860:4860::8888]', false],
];

describe('verifyHostname (Go Certificate.VerifyHostname)', () => {
  it.each(GO_MATCH_HOSTNAMES)('DNS SAN %j against %j: %s', (pattern, host, ok) => {
    expect(verifyHostname(cert({ dns: [pattern] }), host) === null).toBe(ok);
  });

  it('matches IP SANs only, with or without brackets (Go TestMatchIP)', () => {
    const c = cert({ ips: ['127.0.0.1', '::1'] });
    expect(verifyHostname(c, '127.0.0.1')).toBeNull();
    expect(verifyHostname(c, '::1')).toBeNull();
    expect(verifyHostname(c, '[::1]')).toBeNull();
    expect(verifyHostname(cert({ dns: ['127.0.0.1'] }), '127.0.0.1')).not.toBeNull();
  });

  it('treats an IPv4 address and its IPv4-mapped IPv6 form as equal (net.IP.Equal)', () => {
    expect(verifyHostname(cert({ ips: ['10.0.0.1'] }), '::ffff:10.0.0.1')).toBeNull();
  });
});

describe('HostnameError text (Go HostnameError.Error)', () => {
  it('lists the IP SANs for an IP that is missing', () => {
    expect(verifyHostname(cert({ ips: ['127.0.0.1', '127.0.0.2'] }), '127.0.0.3')).toBe(
      'x509: certificate is valid for 127.0.0.1, 127.0.0.2, not 127.0.0.3',
    );
  });

  it('says there are no IP SANs when the certificate has none', () => {
    expect(verifyHostname(cert({ dns: ['etcd'] }), '10.0.0.5')).toBe(
      "x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs",
    );
  });

  it('lists the DNS SANs for a missing name', () => {
    expect(verifyHostname(cert({ dns: ['kubernetes', 'kubernetes.default'], ips: ['10.0.0.1'] }), 'kubernetes.default.svc')).toBe(
      'x509: certificate is valid for kubernetes, kubernetes.default, not kubernetes.default.svc',
    );
  });

  it('names the legacy Common Name when only the CN would match', () => {
    expect(verifyHostname(cert({ cn: 'etcd.local' }), 'etcd.local')).toBe(
      'x509: certificate relies on legacy Common Name field, use SANs instead',
    );
  });

  it('says the certificate is valid for no names at all', () => {
    expect(verifyHostname(cert({ ips: ['10.0.0.1'] }), 'etcd.local')).toBe(
      'x509: certificate is not valid for any names, but wanted to match etcd.local',
    );
  });
});

describe('verifyHostname over thousands of SANs (issue 10 item 6: a CSR JSON with 6,000 hosts)', () => {
  it('finds each of 6,000 names and wildcards, and lists them all for a host that is missing', { timeout: 20_000 }, () => {
    const dns = Array.from({ length: 6000 }, (_, i) => (i % 2 === 0 ? `h${i}.example.com` : `*.w${i}.example.com`));
    const c = cert({ dns, ips: ['10.0.0.1'] });
    for (let i = 0; i < 6000; i++) expect(verifyHostname(c, i % 2 === 0 ? `H${i}.example.com.` : `x.w${i}.example.com`)).toBeNull();
    expect(verifyHostname(c, 'w1.example.com')).toBe(`x509: certificate is valid for ${dns.join(', ')}, not w1.example.com`);
    expect(verifyHostname(c, '10.0.0.2')).toBe('x509: certificate is valid for 10.0.0.1, not 10.0.0.2');
  });

  it('a lone * pattern matches any one-label host, as Go matchHostnames does', () => {
    expect(verifyHostname(cert({ dns: ['*'] }), 'etcd')).toBeNull();
    expect(verifyHostname(cert({ dns: ['*'] }), 'etcd.local')).not.toBeNull();
  });
});
