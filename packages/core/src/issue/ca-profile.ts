// cfssl initca.CAPolicy: the profile a new self-signed root is issued under (reference §5.12).
import type { SigningPolicy, SigningProfile } from '../config/signing-policy.js';

const HOUR_NS = 3_600_000_000_000n;

/** A local profile with cfssl's zero values, overridden by `fields`. */
export function localProfile(fields: Partial<SigningProfile>): SigningProfile {
  return {
    usages: [],
    issuerUrls: null,
    ocspUrl: '',
    crlUrl: '',
    caConstraint: { isCa: false, maxPathLen: 0, maxPathLenZero: false },
    ocspNoCheck: false,
    expiryString: '',
    expiry: 0n,
    backdateString: '',
    backdate: 0n,
    authKeyName: '',
    prevAuthKeyName: '',
    copyExtensions: false,
    remoteName: '',
    authRemote: { remoteName: '', authKeyName: '' },
    notBefore: null,
    notAfter: null,
    nameWhitelistString: '',
    nameWhitelist: null,
    ctLogServers: [],
    allowedExtensions: [],
    certStore: '',
    lintErrorLevel: 0,
    ignoredLints: [],
    ignoredLintSources: [],
    policies: [],
    csrWhitelist: null,
    clientProvidesSerialNumbers: false,
    remoteServer: '',
    authKey: null,
    prevAuthKey: null,
    remoteAuthKey: null,
    ...fields,
  };
}

/** cfssl's CA default: usages cert sign + crl sign, 43800h, CA:TRUE. */
export function caProfile(): SigningProfile {
  return localProfile({
    usages: ['cert sign', 'crl sign'],
    expiryString: '43800h',
    expiry: 43800n * HOUR_NS,
    caConstraint: { isCa: true, maxPathLen: 0, maxPathLenZero: false },
  });
}

/** A policy holding only `profile` as its default. */
export function policyOf(profile: SigningProfile): SigningPolicy {
  return {
    defaultProfile: profile,
    defaultIsBuiltin: false,
    profiles: new Map(),
    authKeys: new Map(),
    remotes: new Map(),
  };
}
