// Expected values: real cfssl 1.2 (Go 1.19.8) `certinfo -csr` on CSRs carrying these URI SANs
// (`URIs` entries), and Go's net/url error texts as x509 wraps them.
import { describe, expect, it } from 'vitest';
import { marshalGoJson } from '../go/json/marshal-go-json.js';
import { parseGoUrl } from './go-url.js';

const json = (u: string): string => marshalGoJson(parseGoUrl(u).json);
const url = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    Scheme: '',
    Opaque: '',
    User: null,
    Host: '',
    Path: '',
    RawPath: '',
    OmitHost: false,
    ForceQuery: false,
    RawQuery: '',
    Fragment: '',
    RawFragment: '',
    ...fields,
  });

describe('parseGoUrl (Go 1.19 url.Parse as x509 uses it)', () => {
  it.each([
    ['urn:x:y', { Scheme: 'urn', Opaque: 'x:y' }],
    ['https:/x', { Scheme: 'https', Path: '/x', OmitHost: true }],
    ['//host/p', { Host: 'host', Path: '/p' }],
    ['x#frag', { Path: 'x', Fragment: 'frag' }],
    ['https://u:p@h:8/a%20b/c?q=1#f%20g', { Scheme: 'https', User: {}, Host: 'h:8', Path: '/a b/c', RawQuery: 'q=1', Fragment: 'f g' }],
    ['HTTP://H/', { Scheme: 'http', Host: 'H', Path: '/' }],
    ['https://h/a%2Fb', { Scheme: 'https', Host: 'h', Path: '/a/b', RawPath: '/a%2Fb' }],
    ['https://h?', { Scheme: 'https', Host: 'h', ForceQuery: true }],
    ['https://[::1]:8/x', { Scheme: 'https', Host: '[::1]:8', Path: '/x' }],
    ['a/b:c', { Path: 'a/b:c' }],
  ])('%s', (input, fields) => {
    expect(json(input)).toBe(url(fields));
  });

  it.each([
    ['http://a b/', 'x509: cannot parse URI "http://a b/": parse "http://a b/": invalid character " " in host name'],
    [':x', 'x509: cannot parse URI ":x": parse ":x": missing protocol scheme'],
    ['1a:b', 'x509: cannot parse URI "1a:b": parse "1a:b": first path segment in URL cannot contain colon'],
    ['http://h:x/', 'x509: cannot parse URI "http://h:x/": parse "http://h:x/": invalid port ":x" after host'],
    ['x#%zz', 'x509: cannot parse URI "x#%zz": parse "x#%zz": invalid URL escape "%zz"'],
  ])('%s fails like Go', (input, message) => {
    expect(() => parseGoUrl(input)).toThrow(message);
  });
});
