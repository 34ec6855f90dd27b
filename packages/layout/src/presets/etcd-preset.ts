// The etcd binary-install tutorial's etcd-cert/ directory as a layout spec.
import type { LayoutSpec } from '../layout-spec.js';

/** Hosts of the tutorial's etcd server certificate, used when none are given. */
export const ETCD_DEFAULT_HOSTS: readonly string[] = ['127.0.0.1', '192.168.31.63', '192.168.31.65', '192.168.31.66'];

/** Options of {@link etcdPreset}. */
export interface EtcdPresetOptions {
  /** SANs of `server.pem` (every etcd member's address); default {@link ETCD_DEFAULT_HOSTS}. */
  hosts?: readonly string[];
}

/**
 * The tutorial's `etcd-cert/`: `ca-config.json` (profile `www`, 87600h, signing, key encipherment,
 * server auth, client auth), `ca-csr.json` (CN `etcd CA`, C CN, L/ST Beijing, RSA 2048),
 * `server-csr.json` (CN `etcd`, the hosts, C CN, L/ST BeiJing, RSA 2048), and from them
 * `ca.pem ca-key.pem ca.csr server.pem server-key.pem server.csr`. `server.pem` is a peer
 * certificate: the tutorial's etcd.conf uses it for client and peer TLS alike.
 *
 * @example
 * etcdPreset({ hosts: ['127.0.0.1', '10.0.0.11'] }).certificates[0].csr.hosts // ['127.0.0.1', '10.0.0.11']
 */
export function etcdPreset(options: EtcdPresetOptions = {}): LayoutSpec {
  return {
    configFile: 'ca-config.json',
    config: {
      signing: {
        default: { expiry: '87600h' },
        profiles: {
          www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] },
        },
      },
    },
    ca: {
      base: 'ca',
      csrFile: 'ca-csr.json',
      csr: { CN: 'etcd CA', key: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] },
    },
    certificates: [
      {
        base: 'server',
        csrFile: 'server-csr.json',
        csr: {
          CN: 'etcd',
          hosts: [...(options.hosts ?? ETCD_DEFAULT_HOSTS)],
          key: { algo: 'rsa', size: 2048 },
          names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
        },
        profile: 'www',
        role: 'peer',
      },
    ],
  };
}
