// cfssl api/client normalizeURL: [scheme://]host[:port][/path] → scheme://host:port[/path], http unless https, port 8888.
import { parseGoIp } from '@cfssl-ts/core/go';

/** A remote address cfssl-ts cannot turn into a URL; cfssl logs it as `bad url: <message>`. */
export class RemoteUrlError extends Error {
  override readonly name = 'RemoteUrlError';
  readonly code = 'ERR_REMOTE_URL';
}

const DEFAULT_PORT = '8888';

// net.SplitHostPort: "[v6]:port" or "host:port" with exactly one colon.
function splitHostPort(hostport: string): { host: string; port: string } | null {
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || hostport[end + 1] !== ':') return null;
    return { host: hostport.slice(1, end), port: hostport.slice(end + 2) };
  }
  const i = hostport.lastIndexOf(':');
  if (i < 0 || hostport.indexOf(':') !== i) return null;
  return { host: hostport.slice(0, i), port: hostport.slice(i + 1) };
}

/**
 * The base URL cfssl's client posts to for one remote address (`<base>/api/v1/cfssl/sign`).
 * Unlike cfssl 1.x, a bare `IP:port` (`127.0.0.1:8888`, `[::1]:8888`) is accepted (cfssl issue #961),
 * and a trailing `/` is dropped instead of producing `//api/...`.
 *
 * @example
 * normalizeRemoteUrl('ca.example') // 'http://ca.example:8888'
 * normalizeRemoteUrl('127.0.0.1:8888') // 'http://127.0.0.1:8888'
 * normalizeRemoteUrl('https://ca.example:9443') // 'https://ca.example:9443'
 */
export function normalizeRemoteUrl(address: string): string {
  const addr = address.trim();
  if (addr === '') throw new RemoteUrlError('empty remote address');
  let scheme = 'http';
  let rest = addr;
  const sep = addr.indexOf('://');
  if (sep >= 0) {
    const given = addr.slice(0, sep).toLowerCase();
    if (!/^[a-z][a-z0-9+.-]*$/.test(given))
      throw new RemoteUrlError(`parse ${JSON.stringify(addr)}: first path segment in URL cannot contain colon`);
    // normalizeURL: any scheme other than https becomes http.
    if (given === 'https') scheme = 'https';
    rest = addr.slice(sep + 3);
  }
  const slash = rest.indexOf('/');
  let hostport = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash).replace(/\/+$/, '');
  if (hostport === '') throw new RemoteUrlError(`no host in remote address ${JSON.stringify(addr)}`);
  let split = splitHostPort(hostport);
  if (split === null) {
    // A bare IPv6 address without brackets or port: bracket it, then add the default port.
    const v6 = hostport.includes(':') && !hostport.startsWith('[') ? parseGoIp(hostport) : null;
    hostport = v6 !== null ? `[${hostport}]:${DEFAULT_PORT}` : `${hostport}:${DEFAULT_PORT}`;
    split = splitHostPort(hostport);
    if (split === null) throw new RemoteUrlError(`address ${hostport}: too many colons in address`);
  }
  if (split.host === '') throw new RemoteUrlError(`no host in remote address ${JSON.stringify(addr)}`);
  // normalizeURL: strconv.Atoi(port).
  if (!/^[+-]?\d+$/.test(split.port)) throw new RemoteUrlError(`strconv.Atoi: parsing ${JSON.stringify(split.port)}: invalid syntax`);
  return `${scheme}://${hostport}${path}`;
}
