// The Kubernetes binary-install tutorial's k8s-cert/ directory (apiserver, admin, kube-proxy) as a layout spec.
import type { LayoutSpec } from '../layout-spec.js';

/** The first address of the tutorial's service CIDR 10.0.0.0/24: the `kubernetes` Service's cluster IP. */
export const K8S_DEFAULT_SERVICE_IP = '10.0.0.1';

// In-cluster names of the kube-apiserver Service, as the tutorial lists them.
const SERVICE_NAMES = [
  'kubernetes',
  'kubernetes.default',
  'kubernetes.default.svc',
  'kubernetes.default.svc.cluster',
  'kubernetes.default.svc.cluster.local',
];

/** Options of {@link k8sPreset}. */
export interface K8sPresetOptions {
  /** Master, load balancer and node addresses the apiserver is reached at. */
  hosts?: readonly string[];
  /** Cluster IP of the `kubernetes` Service; default {@link K8S_DEFAULT_SERVICE_IP}. */
  serviceIp?: string;
}

/**
 * The apiserver certificate's hosts as the tutorial builds them: the service IP, 127.0.0.1, the
 * given addresses, then the Service's DNS names; a repeated entry is kept once.
 *
 * @example
 * k8sApiserverHosts('10.0.0.1', ['192.168.31.61']) // ['10.0.0.1', '127.0.0.1', '192.168.31.61', 'kubernetes', ...]
 */
export function k8sApiserverHosts(serviceIp: string, hosts: readonly string[]): string[] {
  return [...new Set([serviceIp, '127.0.0.1', ...hosts, ...SERVICE_NAMES])];
}

const PROFILE = 'kubernetes';
const RSA_2048 = { algo: 'rsa', size: 2048 };

function clientCsr(cn: string, organization: string): Record<string, unknown> {
  return { CN: cn, hosts: [], key: { ...RSA_2048 }, names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing', O: organization, OU: 'System' }] };
}

/**
 * The tutorial's `k8s-cert/`: `ca-config.json` (profile `kubernetes`, 87600h, signing, key
 * encipherment, server auth, client auth); the CA (`ca-csr.json`: CN `kubernetes`, O `k8s`, OU
 * `System`); `server` for kube-apiserver (hosts from {@link k8sApiserverHosts}); `admin` (CN
 * `admin`, O `system:masters`, kubectl's cluster-admin identity) and `kube-proxy` (CN
 * `system:kube-proxy`), client certificates without hosts. All RSA 2048, each with `.pem`,
 * `-key.pem`, `.csr`.
 *
 * @example
 * k8sPreset({ hosts: ['192.168.31.61'] }).certificates.map((c) => c.base) // ['server', 'admin', 'kube-proxy']
 */
export function k8sPreset(options: K8sPresetOptions = {}): LayoutSpec {
  return {
    configFile: 'ca-config.json',
    config: {
      signing: {
        default: { expiry: '87600h' },
        profiles: {
          [PROFILE]: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] },
        },
      },
    },
    ca: {
      base: 'ca',
      csrFile: 'ca-csr.json',
      csr: { CN: 'kubernetes', key: { ...RSA_2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing', O: 'k8s', OU: 'System' }] },
    },
    certificates: [
      {
        base: 'server',
        csrFile: 'server-csr.json',
        csr: {
          CN: 'kubernetes',
          hosts: k8sApiserverHosts(options.serviceIp ?? K8S_DEFAULT_SERVICE_IP, options.hosts ?? []),
          key: { ...RSA_2048 },
          names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing', O: 'k8s', OU: 'System' }],
        },
        profile: PROFILE,
        // kube-apiserver serves with it and also presents it to kubelets as a client
        role: 'peer',
      },
      { base: 'admin', csrFile: 'admin-csr.json', csr: clientCsr('admin', 'system:masters'), profile: PROFILE, role: 'client' },
      { base: 'kube-proxy', csrFile: 'kube-proxy-csr.json', csr: clientCsr('system:kube-proxy', 'k8s'), profile: PROFILE, role: 'client' },
    ],
  };
}
