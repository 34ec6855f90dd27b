// Expected values: Go net.SplitHostPort's documented behaviour and its own test table (net/ipsock_test.go).
import { describe, expect, it } from 'vitest';
import { joinHostPort, splitHostPort } from './split-host-port.js';

describe('splitHostPort / joinHostPort (Go net)', () => {
  it.each([
    ['localhost:80', ['localhost', '80']],
    ['[::1]:80', ['::1', '80']],
    ['[fe80::1%lo0]:80', ['fe80::1%lo0', '80']],
    [':80', ['', '80']],
    ['host:', ['host', '']],
    ['[::1]:', ['::1', '']],
  ] as const)('%s splits', (input, expected) => {
    expect(splitHostPort(input)).toEqual(expected);
  });

  it.each(['golang.org', '::1', '[::1]', '[::1]80', 'a:b:c', '[foo:bar]baz:80', '[a[b]:80', 'a]b:80'])(
    '%s is an error (certinfo then dials port 443)',
    (input) => {
      expect(splitHostPort(input)).toBeNull();
    },
  );

  it('joins with brackets only for hosts containing a colon', () => {
    expect(joinHostPort('::1', '443')).toBe('[::1]:443');
    expect(joinHostPort('example.com', '443')).toBe('example.com:443');
  });
});
