// The one rule for a certificate's role (server, peer, client), shared by buildLayout's spec defaults and checkLayout.
import type { ParsedCertificate } from '@cfssl-ts/core';
import type { CertificateRole } from '../layout-spec.js';
import { etcdPreset } from '../presets/etcd-preset.js';
import { k8sPreset } from '../presets/k8s-preset.js';
import { ANY_EKU_OID, CLIENT_AUTH_OID, SERVER_AUTH_OID } from './describe.js';

// The tutorials' certificates by base name (server.pem is used on both sides, admin.pem as a client)
const TUTORIAL_ROLES: ReadonlyMap<string, CertificateRole> = new Map(
  [...etcdPreset().certificates, ...k8sPreset().certificates].map((c) => [c.base, c.role]),
);

/** The role a base name fixes: the tutorials' names, else a name ending in `peer`, `server` or `client`; else undefined. */
export function roleByName(base: string): CertificateRole | undefined {
  const known = TUTORIAL_ROLES.get(base);
  if (known !== undefined) return known;
  if (/peer$/i.test(base)) return 'peer';
  if (/server$/i.test(base)) return 'server';
  if (/client$/i.test(base)) return 'client';
  return undefined;
}

/**
 * The role of a certificate: {@link roleByName}; else from its extended key usages: serverAuth and
 * clientAuth is `peer` when it has hosts (used on both sides) and `client` without (kubectl's admin
 * certificate); serverAuth alone is `server`; anything else `client`. No EKU extension allows both (Go).
 */
export function roleOf(base: string, serverAuth: boolean, clientAuth: boolean, hasHosts: boolean): CertificateRole {
  const named = roleByName(base);
  if (named !== undefined) return named;
  if (serverAuth && clientAuth) return hasHosts ? 'peer' : 'client';
  return serverAuth ? 'server' : 'client';
}

/** {@link roleOf} for a parsed certificate. */
export function certificateRole(base: string, cert: ParsedCertificate, hasHosts: boolean): CertificateRole {
  const eku = cert.extKeyUsage;
  const any = eku.length === 0 || eku.includes(ANY_EKU_OID);
  return roleOf(base, any || eku.includes(SERVER_AUTH_OID), any || eku.includes(CLIENT_AUTH_OID), hasHosts);
}
