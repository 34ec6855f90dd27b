import { describe, expect, it } from 'vitest';
import { parseGoUrlBytes } from './parse-go-url.js';

// Go 1.20 net/url: url.Parse is parse(s, false), url.ParseRequestURI is parse(s, true).
describe('parseGoUrlBytes', () => {
  it.each([
    ['', false, { path: '' }],
    ['foo/bar', false, { path: 'foo/bar' }],
    ['//host/p', false, { host: 'host', path: '/p' }],
    ['//host/p', true, { host: '', path: '//host/p' }],
    ['///p', false, { host: '', path: '///p' }],
    ['https:/p', true, { scheme: 'https', omitHost: true, path: '/p' }],
    [
      'HTTPS://u:p%40@h:1/a%2Fb?q',
      true,
      { scheme: 'https', user: { username: 'u', password: 'p@' }, host: 'h:1', path: '/a/b', rawPath: '/a%2Fb', rawQuery: 'q' },
    ],
    ['mailto:x@y?', false, { scheme: 'mailto', opaque: 'x@y', forceQuery: true }],
  ] as const)('%j (viaRequest %s)', (raw, viaRequest, fields) => {
    expect(parseGoUrlBytes(raw, viaRequest)).toMatchObject(fields);
  });

  it.each([
    ['', true, 'empty url'],
    ['foo', true, 'invalid URI for request'],
    ['a/b:c', true, 'invalid URI for request'],
    ['1a:b/c', false, 'first path segment in URL cannot contain colon'],
    [':x', false, 'missing protocol scheme'],
    ['http://a b/', false, 'invalid character " " in host name'],
    ['http://[::1/', true, "missing ']' in host"],
    ['http://u^@h/', false, 'net/url: invalid userinfo'],
    ['/a\x7f', true, 'net/url: invalid control character in URL'],
    ['/%zz', false, 'invalid URL escape "%zz"'],
  ] as const)('%j (viaRequest %s) fails with Go text %j', (raw, viaRequest, message) => {
    expect(() => parseGoUrlBytes(raw, viaRequest)).toThrow(message);
  });
});
