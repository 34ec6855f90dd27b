// Certificate directories for the lifetime tests: a CA and three leaves with different profiles, made in memory at a given time.
import { X509Certificate } from 'node:crypto';
import { buildLayout } from '../build-layout.js';
import type { LayoutSpec } from '../layout-spec.js';
import type { PlannedFile } from '../planned-file.js';

export const DAY = 86_400_000;
const P256 = { algo: 'ecdsa', size: 256 };

/** CA 10 years; server (serverAuth and clientAuth, 1 year), peer (the same usages, 2 years), client (clientAuth, 1 year). */
export const LIFETIME_SPEC: LayoutSpec = {
  configFile: 'ca-config.json',
  config: {
    signing: {
      default: { expiry: '8760h' },
      profiles: {
        server: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] },
        peer: { expiry: '17520h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] },
        client: { expiry: '8760h', usages: ['signing', 'client auth'] },
      },
    },
  },
  ca: { base: 'ca', csrFile: 'ca-csr.json', csr: { CN: 'lifetime CA', key: P256, ca: { expiry: '87600h' } } },
  certificates: [
    {
      base: 'server',
      csrFile: 'server-csr.json',
      csr: { CN: 'server', hosts: ['127.0.0.1'], key: P256 },
      profile: 'server',
      role: 'server',
    },
    { base: 'peer', csrFile: 'peer-csr.json', csr: { CN: 'peer', hosts: ['127.0.0.2'], key: P256 }, profile: 'peer', role: 'peer' },
    { base: 'client', csrFile: 'client-csr.json', csr: { CN: 'client', key: P256 }, profile: 'client', role: 'client' },
  ],
};

const bytesOf = (f: PlannedFile): Uint8Array => (typeof f.contents === 'string' ? new TextEncoder().encode(f.contents) : f.contents);

/** The files `spec` gives at `now`, as a directory (name -> bytes). */
export async function makeSet(now: number, spec: LayoutSpec = LIFETIME_SPEC): Promise<Map<string, Uint8Array>> {
  const build = await buildLayout(spec, new Map(), { now: () => now });
  return new Map(build.files.map((f) => [f.path, bytesOf(f)]));
}

/** The directory after a plan is written (and `removed` deleted). */
export function applied(
  files: ReadonlyMap<string, Uint8Array>,
  plan: readonly PlannedFile[],
  removed: readonly string[] = [],
): Map<string, Uint8Array> {
  const out = new Map(files);
  for (const f of plan) out.set(f.path, bytesOf(f));
  for (const name of removed) out.delete(name);
  return out;
}

/** Every certificate of a PEM file, read by OpenSSL (node:crypto), the independent judge. */
export function x509s(bytes: Uint8Array | undefined): X509Certificate[] {
  if (bytes === undefined) throw new Error('no such file');
  const text = new TextDecoder().decode(bytes);
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map((m) => new X509Certificate(m[0]));
}

/** OpenSSL's verdict: `leaf` is issued by `ca` (names and key identifiers) and its signature verifies with `ca`'s key. */
export function issuedBy(leaf: X509Certificate, ca: X509Certificate): boolean {
  return leaf.checkIssued(ca) && leaf.verify(ca.publicKey);
}
