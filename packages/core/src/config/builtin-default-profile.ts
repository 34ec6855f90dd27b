// cfssl config.DefaultConfig(): the profile used when a config has no signing.default.
import type { SigningProfile } from './signing-policy.js';

const ONE_YEAR_NANOS = 8760n * 3_600_000_000_000n;

/** A signing profile with every field at its Go zero value. */
export function zeroSigningProfile(): SigningProfile {
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
    nameConstraints: null,
    clientProvidesSerialNumbers: false,
    remoteServer: '',
    authKey: null,
    prevAuthKey: null,
    remoteAuthKey: null,
  };
}

/**
 * cfssl's built-in default profile: usages signing, key encipherment, server auth, client auth;
 * expiry 8760h (one year). A fresh object on every call.
 *
 * @example builtinDefaultProfile().expiryString // '8760h'
 */
export function builtinDefaultProfile(): SigningProfile {
  return {
    ...zeroSigningProfile(),
    usages: ['signing', 'key encipherment', 'server auth', 'client auth'],
    expiryString: '8760h',
    expiry: ONE_YEAR_NANOS,
  };
}
