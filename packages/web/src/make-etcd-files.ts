// The etcd tutorial's etcd-cert/ files, made in the page: layout's etcd preset and its pure planner (buildLayout),
// so the set is exactly what `cfssl-ts etcd-cert` writes into an empty directory.
import { buildLayout, etcdPreset, type BuildLayoutOptions, type LayoutSpec, type PlannedFile } from '@cfssl-ts/layout';

/** The key choice of the page: the tutorial's RSA 2048, or ECDSA P-256 (cfssl's default key). */
export type KeyChoice = 'rsa' | 'ecdsa';

const KEY_SPECS: Readonly<Record<KeyChoice, { algo: string; size: number }>> = {
  rsa: { algo: 'rsa', size: 2048 },
  ecdsa: { algo: 'ecdsa', size: 256 },
};

/** The etcd preset for `hosts`, with `key` as the key of the CA and of the server certificate (in their CSR JSON). */
export function etcdSpec(hosts: readonly string[], key: KeyChoice): LayoutSpec {
  const spec = etcdPreset({ hosts });
  const withKey = (csr: Record<string, unknown>): Record<string, unknown> => ({ ...csr, key: { ...KEY_SPECS[key] } });
  return {
    ...spec,
    ca: { ...spec.ca, csr: withKey(spec.ca.csr) },
    certificates: spec.certificates.map((entry) => ({ ...entry, csr: withKey(entry.csr) })),
  };
}

/**
 * The nine files of `etcd-cert/` (`ca-config.json`, `ca-csr.json`, `server-csr.json`, `ca.pem`,
 * `ca-key.pem`, `ca.csr`, `server.pem`, `server-key.pem`, `server.csr`) in layout order, made
 * with the WebCrypto of `options.crypto` (default globalThis.crypto).
 *
 * @example
 * const files = await makeEtcdFiles(['127.0.0.1', '10.0.0.11'], 'ecdsa');
 * files.find((f) => f.path === 'server.pem')?.contents; // '-----BEGIN CERTIFICATE-----\n...'
 */
export async function makeEtcdFiles(hosts: readonly string[], key: KeyChoice, options: BuildLayoutOptions = {}): Promise<PlannedFile[]> {
  const build = await buildLayout(etcdSpec(hosts, key), new Map(), options);
  return build.files;
}
