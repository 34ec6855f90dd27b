// Go net.SplitHostPort and net.JoinHostPort, for `certinfo -domain host[:port]`.

/** Go `net.SplitHostPort`: `[host, port]`, or null where Go returns an error. */
export function splitHostPort(hostport: string): [host: string, port: string] | null {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return null;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return null;
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return null;
  }
  if (hostport.slice(j).includes('[') || hostport.slice(k).includes(']')) return null;
  return [host, hostport.slice(i + 1)];
}

/** Go `net.JoinHostPort`: brackets around hosts containing a colon. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
