import { writeJson } from './judges.js';

// Inputs both cfssl 1.2 and cfssl-ts understand: RSA 2048 / ECDSA P-256 keys (1.2 has no Ed25519) and
// usage names spelled the same in both (no contentCommitment, which 1.2 spells `content committment`).

export type CaAlgo = 'rsa' | 'ecdsa';

export const CA_KEY: Record<CaAlgo, { algo: string; size: number }> = {
  rsa: { algo: 'rsa', size: 2048 },
  ecdsa: { algo: 'ecdsa', size: 256 },
};

export const caCsr = (algo: CaAlgo, maker: string) => ({
  CN: `Interop ${algo.toUpperCase()} Root by ${maker}`,
  key: CA_KEY[algo],
  names: [{ C: 'DE', O: 'Interop Test', OU: maker }],
});

export const CONFIG = {
  signing: {
    default: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] },
    profiles: {
      server: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
      client: { expiry: '8760h', usages: ['signing', 'key encipherment', 'client auth'] },
      intermediate: {
        expiry: '43800h',
        usages: ['cert sign', 'crl sign'],
        ca_constraint: { is_ca: true, max_path_len: 0, max_path_len_zero: true },
      },
    },
  },
};

export const SERVER_CSR = {
  CN: 'interop.example.test',
  hosts: ['interop.example.test', 'www.interop.example.test', '127.0.0.1', '::1'],
  names: [{ C: 'DE', O: 'Interop Test', OU: 'Servers' }],
};

export const CLIENT_CSR = {
  CN: 'interop-client',
  hosts: [],
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'DE', O: 'system:masters' }],
};

export const INTERMEDIATE_CSR = {
  CN: 'Interop Intermediate',
  key: { algo: 'ecdsa', size: 256 },
  names: [{ C: 'DE', O: 'Interop Test', OU: 'Intermediates' }],
};

/** Writes the inputs every interop direction starts from: a CA CSR made by `maker`, the config and the leaf CSRs. */
export function writeInteropInputs(dir: string, algo: CaAlgo, maker: string): void {
  writeJson(dir, 'ca-csr.json', caCsr(algo, maker));
  writeJson(dir, 'config.json', CONFIG);
  writeJson(dir, 'server-csr.json', SERVER_CSR);
  writeJson(dir, 'client-csr.json', CLIENT_CSR);
  writeJson(dir, 'intermediate-csr.json', INTERMEDIATE_CSR);
}
