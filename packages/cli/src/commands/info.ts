// cfssl info (reference §2.17): the CA certificate, usages and expiry of a profile, from the local CA or a remote (§6.5).
import { CfsslError, encodePem, parseCaCertificatePem, type SigningProfile } from '@cfssl-ts/core';
import { remoteInfo } from '@cfssl-ts/remote';
import { goStruct, marshalGoJson } from '@cfssl-ts/core/go';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { authorityFromFlags } from './_internal/signer-from-flags.js';
import { transportFromFlags } from './_internal/remote-from-flags.js';

const USAGE = `cfssl info -- get info about a remote signer

Usage:

Get info about a remote signer:
cfssl info -remote remote_host [-label label] [-profile profile] [-label label] 

Flags:
`;

async function printRemoteInfo(ctx: CommandContext, remote: string): Promise<void> {
  const resp = await remoteInfo({
    remote,
    transport: await transportFromFlags(ctx),
    label: ctx.str('label'),
    profile: ctx.str('profile'),
    onError: (m) => {
      ctx.log.error(m);
    },
  });
  if (ctx.str('remote') !== '') parseCaCertificatePem(resp.certificate);
  // info.Resp: Usage is make([]string, n), so [] rather than null.
  ctx.io.writeStdout(marshalGoJson(goStruct({ certificate: resp.certificate, usages: resp.usages, expiry: resp.expiry })));
}

function plain(message: string): CfsslError {
  return new CfsslError('ERR_INPUT', 0, message);
}

async function infoMain(ctx: CommandContext): Promise<void> {
  if (ctx.args.length > 0) throw plain('argument is provided but not defined; please refer to the usage by flag -h.');
  if (ctx.str('remote') !== '') {
    // getInfoFromRemote: -remote ignores -config; the answer's certificate must parse.
    return printRemoteInfo(ctx, ctx.str('remote'));
  }
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
  // remote.Signer.Info: plain /info to the profile's remote, without a token even for auth_remote.
  if (profile.remoteServer !== '' || !needsLocal) return printRemoteInfo(ctx, profile.remoteServer);

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
