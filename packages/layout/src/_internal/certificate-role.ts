// The role checkLayout checks a certificate for: what its consumers will use it as.
import type { ParsedCertificate } from '@cfssl-ts/core';
import type { CertificateRole } from '../layout-spec.js';
import { etcdPreset } from '../presets/etcd-preset.js';
import { k8sPreset } from '../presets/k8s-preset.js';
import { CLIENT_AUTH_OID, SERVER_AUTH_OID } from './describe.js';

// The tutorials' certificates by base name (server.pem is used on both sides, admin.pem as a client)
const TUTORIAL_ROLES: ReadonlyMap<string, CertificateRole> = new Map(
  [...etcdPreset().certificates, ...k8sPreset().certificates].map((c) => [c.base, c.role]),
);

/**
 * `peer` when the certificate has hosts (from its CSR JSON, else its SANs): the tutorials use such
 * certificates on both sides. Without hosts: the tutorials' role for its base name; else `peer`,
 * `server` or `client` when the base name ends so (`etcd-peer`, `kube-apiserver`, `etcd-client`);
 * else `server` when its extended key usages allow serverAuth but not clientAuth; else `client`.
 */
export function certificateRole(base: string, cert: ParsedCertificate, hasHosts: boolean): CertificateRole {
  if (hasHosts) return 'peer';
  const known = TUTORIAL_ROLES.get(base);
  if (known !== undefined) return known;
  if (/peer$/i.test(base)) return 'peer';
  if (/server$/i.test(base)) return 'server';
  if (/client$/i.test(base)) return 'client';
  const eku = cert.extKeyUsage;
  return eku.includes(SERVER_AUTH_OID) && !eku.includes(CLIENT_AUTH_OID) ? 'server' : 'client';
}
