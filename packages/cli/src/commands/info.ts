// cfssl info (reference §2.17), local form: the CA certificate, usages and expiry of a profile.
import { CfsslError, encodePem, type SigningProfile } from '@cfssl-ts/core';
import { goStruct, marshalGoJson } from '@cfssl-ts/core/go';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { authorityFromFlags } from './_internal/signer-from-flags.js';

const USAGE = `cfssl info -- get info about a remote signer

Usage:

Get info about a remote signer:
cfssl info -remote remote_host [-label label] [-profile profile] [-label label] 

Flags:
`;

function plain(message: string): CfsslError {
  return new CfsslError('ERR_INPUT', 0, message);
}

async function infoMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) throw plain('argument is provided but not defined; please refer to the usage by flag -h.');
  if (ctx.str('remote') !== '') throw plain('cfssl-ts: remote info (-remote) is not supported yet');
  if (ctx.config === null) throw plain('Either -remote or -config must be given. Refer to cfssl info -h for usage.');

  const policy = ctx.config.policy;
  const profileName = ctx.str('profile');
  const all = [...policy.profiles.values(), policy.defaultProfile];
  const needsLocal = all.some((p) => p.remoteServer === '');
  const needsRemote = all.some((p) => p.remoteServer !== '');
  let profile: SigningProfile;
  if (needsLocal && needsRemote) {
    // universal.Signer.getMatchingProfile: an unknown name is an error here, not "use the default".
    const named = profileName === '' ? policy.defaultProfile : policy.profiles.get(profileName);
    if (named === undefined) throw new CfsslError('ERR_POLICY', 5400);
    profile = named;
  } else {
    // signer.Profile: unknown or empty names fall back to the default profile.
    profile = (profileName === '' ? undefined : policy.profiles.get(profileName)) ?? policy.defaultProfile;
  }
  if (profile.remoteServer !== '' || !needsLocal) throw plain('cfssl-ts: remote info (a remote profile) is not supported yet');

  // universal.NewSigner → local.NewSignerFromFile: the CA certificate and key must load.
  const authority = await authorityFromFlags(ctx);
  const cert = authority.certificate!;
  const resp = goStruct({
    // bytes.TrimSpace(pem.EncodeToMemory(...))
    certificate: encodePem('CERTIFICATE', cert.raw).trimEnd(),
    // Go prints a nil Usage slice as null; an absent and an empty `usages` both come out as null here.
    usages: profile.usages.length === 0 ? null : profile.usages,
    expiry: profile.expiryString,
  });
  // fmt.Print: no trailing newline.
  ctx.io.writeStdout(marshalGoJson(resp));
}

export const infoCommand: CfsslCommand = {
  name: 'info',
  usageText: USAGE,
  listedFlags: ['remote', 'label', 'profile', 'config'],
  main: infoMain,
};
