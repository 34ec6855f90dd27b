import { describe, it, expect } from 'vitest';
import { parseGoRequestUri } from './parse-request-uri.js';

// Whether Go's url.ParseRequestURI succeeds (cfssl 1.6's test for a URI SAN).
const parses = (s: string): boolean => parseGoRequestUri(s) !== null;

describe('parseGoRequestUri: which inputs Go accepts', () => {
  // Go net/url url_test.go parseRequestURLTests.
  it.each<[string, boolean]>([
    ['http://foo.com', true],
    ['http://foo.com/', true],
    ['http://foo.com/path', true],
    ['/', true],
    ['//not.a.user@not.a.host/just/a/path', true],
    ['//not.a.user@%66%6f%6f.com/just/a/path/also', true],
    ['*', true],
    ['http://192.168.0.1/', true],
    ['http://192.168.0.1:8080/', true],
    ['http://[fe80::1]/', true],
    ['http://[fe80::1]:8080/', true],
    ['http://[fe80::1%25en0]/', true],
    ['http://[fe80::1%25en0]:8080/', true],
    ['http://[fe80::1%25%65%6e%301-._~]/', true],
    ['http://[fe80::1%25%65%6e%301-._~]:8080/', true],
    ['foo.html', false],
    ['../dir/', false],
    [' http://foo.com', false],
    ['http://192.168.0.%31/', false],
    ['http://192.168.0.%31:8080/', false],
    ['http://[fe80::%31]/', false],
    ['http://[fe80::%31]:8080/', false],
    ['http://[fe80::%31%25en0]/', false],
    ['http://[fe80::%31%25en0]:8080/', false],
    ['http://[fe80::1%en0]/', false],
    ['http://[fe80::1%en0]:8080/', false],
  ])('%j → %s', (input, valid) => {
    expect(parses(input)).toBe(valid);
  });

  it('accepts the host strings cfssl 1.6 turns into URI SANs (reference §4.4)', () => {
    for (const s of [
      'https://x/p',
      'spiffe://t/ns',
      'urn:foo',
      '/abs/path',
      'host.example.com:443',
      'localhost:8080',
      'https://example.com/path',
    ]) {
      expect(parses(s), s).toBe(true);
    }
  });

  it.each([
    '', // empty url
    ':foo', // missing protocol scheme
    'example.com', // no scheme, not a path: invalid URI for request
    '*.example.com',
    '1.2.3.4:443', // a scheme cannot start with a digit
    '[::1]:443',
    'user@host:443',
    'a\tb', // control character
    'https://x/\x7f',
    'https://x:abc/', // invalid port ":abc" after host
    'https://[::1/', // missing ']' in host
    'https://[::1]x/', // invalid port "x" after host
    'http://x/%zz', // invalid URL escape "%zz"
    'http://x/%4', // invalid URL escape "%4"
    'https://x#frag', // '#' is not a host character
    'https://a b/', // ' ' is not a host character
    'https://us er@x/', // invalid userinfo
    'https://u%zz@x/', // invalid escape in userinfo
  ])('rejects %j', (input) => {
    expect(parses(input)).toBe(false);
  });
});

describe('parseGoRequestUri', () => {
  // Go net/url url_test.go urltests rows without a #fragment, absolute or starting with '/':
  // [input, Go URL.String() ("roundtrip", or the input when that is empty)].
  it.each<[string, string]>([
    ['http://www.google.com', 'http://www.google.com'],
    ['http://www.google.com/', 'http://www.google.com/'],
    ['http://www.google.com/file%20one%26two', 'http://www.google.com/file%20one%26two'],
    ['ftp://webmaster@www.google.com/', 'ftp://webmaster@www.google.com/'],
    ['ftp://john%20doe@www.google.com/', 'ftp://john%20doe@www.google.com/'],
    ['http://www.google.com/?', 'http://www.google.com/?'],
    ['http://www.google.com/?foo=bar?', 'http://www.google.com/?foo=bar?'],
    ['http://www.google.com/?q=go+language', 'http://www.google.com/?q=go+language'],
    ['http://www.google.com/?q=go%20language', 'http://www.google.com/?q=go%20language'],
    ['http://www.google.com/a%20b?q=c+d', 'http://www.google.com/a%20b?q=c+d'],
    ['http:www.google.com/?q=go+language', 'http:www.google.com/?q=go+language'],
    ['http:%2f%2fwww.google.com/?q=go+language', 'http:%2f%2fwww.google.com/?q=go+language'],
    ['mailto:/webmaster@golang.org', 'mailto:///webmaster@golang.org'],
    ['mailto:webmaster@golang.org', 'mailto:webmaster@golang.org'],
    ['/foo?query=http://bad', '/foo?query=http://bad'],
    ['http://user:password@google.com', 'http://user:password@google.com'],
    ['http://j@ne:password@google.com', 'http://j%40ne:password@google.com'],
    ['http://jane:p@ssword@google.com', 'http://jane:p%40ssword@google.com'],
    ['http://j@ne:password@google.com/p@th?q=@go', 'http://j%40ne:password@google.com/p@th?q=@go'],
    ['file:///home/adg/rabbits', 'file:///home/adg/rabbits'],
    ['file:///C:/FooBar/Baz.txt', 'file:///C:/FooBar/Baz.txt'],
    ['MaIlTo:webmaster@golang.org', 'mailto:webmaster@golang.org'],
    ['http://%3Fam:pa%3Fsword@google.com', 'http://%3Fam:pa%3Fsword@google.com'],
    ['http://192.168.0.1/', 'http://192.168.0.1/'],
    ['http://192.168.0.1:8080/', 'http://192.168.0.1:8080/'],
    ['http://[fe80::1]/', 'http://[fe80::1]/'],
    ['http://[fe80::1]:8080/', 'http://[fe80::1]:8080/'],
    ['http://[fe80::1%25en0]/', 'http://[fe80::1%25en0]/'],
    ['http://[fe80::1%25en0]:8080/', 'http://[fe80::1%25en0]:8080/'],
    ['http://[fe80::1%25%65%6e%301-._~]/', 'http://[fe80::1%25en01-._~]/'],
    ['http://[fe80::1%25%65%6e%301-._~]:8080/', 'http://[fe80::1%25en01-._~]:8080/'],
    ['http://rest.rsc.io/foo%2fbar/baz%2Fquux?alt=media', 'http://rest.rsc.io/foo%2fbar/baz%2Fquux?alt=media'],
    ['mysql://a,b,c/bar', 'mysql://a,b,c/bar'],
    ["scheme://!$&'()*+,;=hello!:1/path", "scheme://!$&'()*+,;=hello!:1/path"],
    ["http://host/!$&'()*+,;=:@[hello]", "http://host/!$&'()*+,;=:@[hello]"],
    ['http://example.com/oid/[order_id]', 'http://example.com/oid/[order_id]'],
    ['http://192.168.0.2:8080/foo', 'http://192.168.0.2:8080/foo'],
    ['http://192.168.0.2:/foo', 'http://192.168.0.2:/foo'],
    ['http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080/foo', 'http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080/foo'],
    ['http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:/foo', 'http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:/foo'],
    ['http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:8080/foo', 'http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:8080/foo'],
    ['http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:/foo', 'http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:/foo'],
    ['http://hello.世界.com/foo', 'http://hello.%E4%B8%96%E7%95%8C.com/foo'],
    ['http://hello.%e4%b8%96%e7%95%8c.com/foo', 'http://hello.%E4%B8%96%E7%95%8C.com/foo'],
    ['http://hello.%E4%B8%96%E7%95%8C.com/foo', 'http://hello.%E4%B8%96%E7%95%8C.com/foo'],
    ['http://example.com//foo', 'http://example.com//foo'],
    ['myscheme://authority<"hi">/foo', 'myscheme://authority<"hi">/foo'],
    ['tcp://[2020::2020:20:2020:2020%25Windows%20Loves%20Spaces]:2020', 'tcp://[2020::2020:20:2020:2020%25Windows%20Loves%20Spaces]:2020'],
    ['magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn', 'magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn'],
    ['mailto:?subject=hi', 'mailto:?subject=hi'],
  ])('%j formats as %j', (input, href) => {
    expect(parseGoRequestUri(input)?.href).toBe(href);
  });

  it('fills the URL fields as Go does (url_test.go urltests)', () => {
    expect(parseGoRequestUri('http://www.google.com/file%20one%26two')).toEqual({
      scheme: 'http',
      opaque: '',
      user: null,
      host: 'www.google.com',
      path: '/file one&two',
      rawPath: '/file%20one%26two',
      forceQuery: false,
      rawQuery: '',
      href: 'http://www.google.com/file%20one%26two',
    });
    expect(parseGoRequestUri('http://j@ne:password@google.com/p@th?q=@go')).toMatchObject({
      user: { username: 'j@ne', password: 'password' },
      host: 'google.com',
      path: '/p@th',
      rawQuery: 'q=@go',
    });
    expect(parseGoRequestUri('ftp://webmaster@www.google.com/')?.user).toEqual({ username: 'webmaster', password: null });
    expect(parseGoRequestUri('http://[fe80::1%25%65%6e%301-._~]:8080/')?.host).toBe('[fe80::1%en01-._~]:8080');
    expect(parseGoRequestUri('http://www.google.com/?')).toMatchObject({ forceQuery: true, rawQuery: '', path: '/' });
  });

  it('treats a scheme-relative string as a path (url_test.go TestParseRequestURI)', () => {
    expect(parseGoRequestUri('//not.a.user@not.a.host/just/a/path')).toMatchObject({
      scheme: '',
      host: '',
      path: '//not.a.user@not.a.host/just/a/path',
      href: '//not.a.user@not.a.host/just/a/path',
    });
  });

  it('parses host:port as scheme plus opaque (reference §4.4)', () => {
    expect(parseGoRequestUri('host.example.com:443')).toMatchObject({
      scheme: 'host.example.com',
      opaque: '443',
      href: 'host.example.com:443',
    });
    expect(parseGoRequestUri('localhost:8080')).toMatchObject({ scheme: 'localhost', opaque: '8080', href: 'localhost:8080' });
    expect(parseGoRequestUri('spiffe://t/ns')).toMatchObject({ scheme: 'spiffe', host: 't', path: '/ns', href: 'spiffe://t/ns' });
    expect(parseGoRequestUri('*')).toMatchObject({ path: '*', href: '*' });
  });

  it('re-escapes what Go re-escapes when formatting', () => {
    // escape(path, encodePath) turns a space into %20 and '#' into %23 (no fragment in request URIs).
    expect(parseGoRequestUri('https://x/a b')?.href).toBe('https://x/a%20b');
    expect(parseGoRequestUri('https://x/p#f')?.href).toBe('https://x/p%23f');
    // The scheme is lower-cased; an empty authority drops the "//".
    expect(parseGoRequestUri('HTTPS://Example.com/P')?.href).toBe('https://Example.com/P');
    expect(parseGoRequestUri('https://')?.href).toBe('https:');
    // escape(user, encodeUserPassword) escapes sub-delims such as '!'.
    expect(parseGoRequestUri('https://a!b@x/')?.href).toBe('https://a%21b@x/');
  });
});
