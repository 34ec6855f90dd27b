import { describe, expect, it } from 'vitest';
import { layoutFileNames } from '../layout-file-names.js';
import { etcdPreset } from './etcd-preset.js';

// The etcd binary-install tutorial's etcd-cert/ inputs, as the tutorial writes them.
const TUTORIAL_CA_CONFIG = {
  signing: {
    default: { expiry: '87600h' },
    profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
  },
};
const TUTORIAL_CA_CSR = { CN: 'etcd CA', key: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] };
const TUTORIAL_SERVER_CSR = {
  CN: 'etcd',
  hosts: ['192.168.31.63', '192.168.31.65', '192.168.31.66'],
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
};

describe('etcdPreset', () => {
  it("holds the tutorial's ca-config.json, ca-csr.json and server-csr.json", () => {
    const spec = etcdPreset({ hosts: TUTORIAL_SERVER_CSR.hosts });
    expect(spec.configFile).toBe('ca-config.json');
    expect(spec.config).toEqual(TUTORIAL_CA_CONFIG);
    expect(spec.ca).toEqual({ base: 'ca', csrFile: 'ca-csr.json', csr: TUTORIAL_CA_CSR });
    expect(spec.certificates).toEqual([
      { base: 'server', csrFile: 'server-csr.json', csr: TUTORIAL_SERVER_CSR, profile: 'www', role: 'peer' },
    ]);
  });

  it("names exactly the tutorial's files", () => {
    expect(layoutFileNames(etcdPreset()).sort()).toEqual(
      [
        'ca-config.json',
        'ca-csr.json',
        'server-csr.json',
        'ca.pem',
        'ca-key.pem',
        'ca.csr',
        'server.pem',
        'server-key.pem',
        'server.csr',
      ].sort(),
    );
  });

  it('defaults the hosts to 127.0.0.1 and the three tutorial members', () => {
    expect(etcdPreset().certificates[0]?.csr.hosts).toEqual(['127.0.0.1', '192.168.31.63', '192.168.31.65', '192.168.31.66']);
  });

  it('returns a fresh value each time (callers may edit it)', () => {
    const a = etcdPreset({ hosts: ['a'] });
    (a.certificates[0]?.csr.hosts as string[]).push('b');
    expect(etcdPreset({ hosts: ['a'] }).certificates[0]?.csr.hosts).toEqual(['a']);
  });
});
