// The policy cfssl signs with when no -config is given (cli/sign SignerFromConfig: config.DefaultConfig()).
import { builtinDefaultProfile } from './builtin-default-profile.js';
import type { SigningPolicy } from './signing-policy.js';

/** A policy whose only profile is cfssl's built-in default (8760h; signing, key encipherment, server auth, client auth). */
export function builtinSigningPolicy(): SigningPolicy {
  return {
    defaultProfile: builtinDefaultProfile(),
    defaultIsBuiltin: true,
    profiles: new Map(),
    authKeys: new Map(),
    remotes: new Map(),
  };
}
