// cfssl sign.SignerFromConfig's remote half: -remote overrides every profile's remote; universal.NewSigner picks
// local, remote or per-profile dispatch; -tls-remote-ca and -mutual-tls-client-cert/-key make the TLS config.
import { CfsslError, type SigningPolicy, type SigningProfile } from '@cfssl-ts/core';
import type { RemoteTransport } from '@cfssl-ts/remote';
import { nodeTransport } from '@cfssl-ts/remote/node';
import { readInputFile, text } from '../../io/read-input.js';
import type { CommandContext } from '../cfssl-command.js';
import { policyFromContext } from './signer-from-flags.js';

/** Where a profile's requests go: a remote address (with its auth_remote key), or null for the local CA. */
export interface RemoteTarget {
  remote: string;
  authKey: Uint8Array | null;
}

// universal.getMatchingProfile (mixed policies): an unknown name is 5400.
function matchingProfile(policy: SigningPolicy, name: string): SigningProfile {
  const p = name === '' ? policy.defaultProfile : policy.profiles.get(name);
  if (p === undefined) throw new CfsslError('ERR_POLICY', 5400);
  return p;
}

/**
 * The remote that signs under `profileName`, or null when the local CA does (cfssl universal.NewSigner and
 * signer.Profile): `-remote` forces the remote signer for every profile (keeping `auth_remote` keys).
 */
export function remoteTargetFor(ctx: CommandContext, profileName: string): RemoteTarget | null {
  const policy = policyFromContext(ctx);
  const forced = ctx.str('remote');
  const all = [...policy.profiles.values(), policy.defaultProfile];
  const server = (p: SigningProfile): string => (forced !== '' ? forced : p.remoteServer);
  const needsRemote = all.some((p) => server(p) !== '');
  if (!needsRemote) return null;
  const needsLocal = all.some((p) => server(p) === '');
  const profile =
    forced === '' && needsLocal
      ? matchingProfile(policy, profileName)
      : // signer.Profile: an unknown or empty name falls back to the default profile.
        ((profileName === '' ? undefined : policy.profiles.get(profileName)) ?? policy.defaultProfile);
  if (server(profile) === '') return null;
  return { remote: server(profile), authKey: profile.remoteAuthKey };
}

/** The transport with cfssl's TLS settings: `-tls-remote-ca`, and a client certificate when both mutual-TLS flags are set. */
export async function transportFromFlags(ctx: CommandContext): Promise<RemoteTransport> {
  const caFile = ctx.str('tls-remote-ca');
  const certFile = ctx.str('mutual-tls-client-cert');
  const keyFile = ctx.str('mutual-tls-client-key');
  const both = certFile !== '' && keyFile !== '';
  const cert = both ? text(await readInputFile(certFile, ctx.io)) : undefined;
  const key = both ? text(await readInputFile(keyFile, ctx.io)) : undefined;
  if (both) ctx.log.info(`Using client auth with mutual-tls-cert: ${certFile} and mutual-tls-key: ${keyFile}`);
  const ca = caFile === '' ? undefined : text(await readInputFile(caFile, ctx.io));
  if (ca !== undefined) ctx.log.info(`Using trusted CA from tls-remote-ca: ${caFile}`);
  return nodeTransport({ ca, cert, key });
}
