// The hosts field: cfssl-ts etcd-cert -hosts splits on commas (commands/_layout/layout-flags.ts hostsFlag); the page
// also accepts spaces and new lines between hosts, which no DNS name or IP address contains.

/**
 * The hosts typed into the page, in order, empty entries dropped; null when there is none (a
 * server certificate needs at least one DNS name or IP address).
 *
 * @example
 * parseHosts('127.0.0.1, 10.0.0.11\netcd.local') // ['127.0.0.1', '10.0.0.11', 'etcd.local']
 */
export function parseHosts(text: string): string[] | null {
  const hosts = text.split(/[\s,]+/).filter((h) => h !== '');
  return hosts.length === 0 ? null : hosts;
}
