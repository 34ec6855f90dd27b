import { describe, expect, it } from 'vitest';
import { layoutFileNames } from '../layout-file-names.js';
import { k8sApiserverHosts, k8sPreset } from './k8s-preset.js';

// The Kubernetes binary-install tutorial's k8s-cert/ inputs (apiserver, admin, kube-proxy), as the tutorial writes them.
const USAGES = ['signing', 'key encipherment', 'server auth', 'client auth'];
const TUTORIAL_CA_CONFIG = { signing: { default: { expiry: '87600h' }, profiles: { kubernetes: { expiry: '87600h', usages: USAGES } } } };
const TUTORIAL_CA_CSR = {
  CN: 'kubernetes',
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing', O: 'k8s', OU: 'System' }],
};
const SERVICE_NAMES = [
  'kubernetes',
  'kubernetes.default',
  'kubernetes.default.svc',
  'kubernetes.default.svc.cluster',
  'kubernetes.default.svc.cluster.local',
];
const TUTORIAL_SERVER_CSR = {
  CN: 'kubernetes',
  hosts: ['10.0.0.1', '127.0.0.1', '192.168.31.61', '192.168.31.62', '192.168.31.63', ...SERVICE_NAMES],
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing', O: 'k8s', OU: 'System' }],
};
const TUTORIAL_ADMIN_CSR = {
  CN: 'admin',
  hosts: [],
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing', O: 'system:masters', OU: 'System' }],
};
const TUTORIAL_KUBE_PROXY_CSR = {
  CN: 'system:kube-proxy',
  hosts: [],
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing', O: 'k8s', OU: 'System' }],
};

describe('k8sPreset', () => {
  it("holds the tutorial's inputs for the CA, apiserver, admin and kube-proxy", () => {
    const spec = k8sPreset({ hosts: ['192.168.31.61', '192.168.31.62', '192.168.31.63'] });
    expect(spec.config).toEqual(TUTORIAL_CA_CONFIG);
    expect(spec.ca).toEqual({ base: 'ca', csrFile: 'ca-csr.json', csr: TUTORIAL_CA_CSR });
    expect(spec.certificates).toEqual([
      { base: 'server', csrFile: 'server-csr.json', csr: TUTORIAL_SERVER_CSR, profile: 'kubernetes', role: 'peer' },
      { base: 'admin', csrFile: 'admin-csr.json', csr: TUTORIAL_ADMIN_CSR, profile: 'kubernetes', role: 'client' },
      { base: 'kube-proxy', csrFile: 'kube-proxy-csr.json', csr: TUTORIAL_KUBE_PROXY_CSR, profile: 'kubernetes', role: 'client' },
    ]);
  });

  it('names the .pem, -key.pem and .csr of every certificate', () => {
    const names = layoutFileNames(k8sPreset());
    for (const base of ['ca', 'server', 'admin', 'kube-proxy'])
      expect(names).toEqual(expect.arrayContaining([`${base}.pem`, `${base}-key.pem`, `${base}.csr`]));
    expect(names).toHaveLength(17);
  });

  it('puts the service IP first, then 127.0.0.1, the given addresses and the Service names; repeats kept once', () => {
    expect(k8sApiserverHosts('10.96.0.1', ['127.0.0.1', '10.1.1.1'])).toEqual(['10.96.0.1', '127.0.0.1', '10.1.1.1', ...SERVICE_NAMES]);
    expect(k8sPreset().certificates[0]?.csr.hosts).toEqual(['10.0.0.1', '127.0.0.1', ...SERVICE_NAMES]);
  });
});
