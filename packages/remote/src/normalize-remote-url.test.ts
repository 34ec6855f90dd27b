import { describe, expect, it } from 'vitest';
import { normalizeRemoteUrl, RemoteUrlError } from './normalize-remote-url.js';

describe('normalizeRemoteUrl (cfssl api/client normalizeURL)', () => {
  it.each([
    ['ca.example', 'http://ca.example:8888'],
    ['  ca.example:9000 ', 'http://ca.example:9000'],
    ['http://ca.example', 'http://ca.example:8888'],
    ['HTTPS://ca.example:9443', 'https://ca.example:9443'],
    ['ftp://ca.example:1', 'http://ca.example:1'],
    ['http://10.0.0.1:8888', 'http://10.0.0.1:8888'],
    ['http://ca.example:8888/prefix/', 'http://ca.example:8888/prefix'],
    ['https://ca.example:8888/', 'https://ca.example:8888'],
  ])('%s → %s (as cfssl)', (input, want) => {
    expect(normalizeRemoteUrl(input)).toBe(want);
  });

  it.each([
    ['127.0.0.1:8888', 'http://127.0.0.1:8888'],
    ['127.0.0.1', 'http://127.0.0.1:8888'],
    ['[::1]:9000', 'http://[::1]:9000'],
    ['::1', 'http://[::1]:8888'],
  ])('accepts the bare IP form %s cfssl 1.x refuses (issue #961)', (input, want) => {
    expect(normalizeRemoteUrl(input)).toBe(want);
  });

  it.each([[''], ['http://'], ['ca.example:port'], ['a:b:c'], ['http://:8888']])('refuses %j with a RemoteUrlError', (input) => {
    expect(() => normalizeRemoteUrl(input)).toThrow(RemoteUrlError);
  });

  it("reports a bad port with Go's strconv text", () => {
    expect(() => normalizeRemoteUrl('ca.example:x1')).toThrow('strconv.Atoi: parsing "x1": invalid syntax');
  });
});
