// cfssl SigningProfile.populate() (config/config.go, 1.6.5): durations, remotes, auth keys, whitelists.
import { CfsslError } from '../errors/cfssl-error.js';
import { compileGoRegexp } from '../go/go-regexp.js';
import { GoDurationError, parseGoDuration } from '../go/parse-duration.js';
import { goQuote } from '../go/strconv-quote.js';
import { goTrimSpace } from '../go/trim-space.js';
import { zeroSigningProfile } from './builtin-default-profile.js';
import type { DecodedSigningProfile } from './config-go-types.js';
import type { SigningProfile } from './signing-policy.js';
import { decodeStandardAuthKey, type AuthKeySourceResolver } from './standard-auth-key.js';
import { nameConstraintsError, resolveNameConstraints } from '../cert/resolve-name-constraints.js';

/** What populate() looks up outside the profile. */
export interface PopulateContext {
  authKeys: ReadonlyMap<string, { type: string; key: string }>;
  remotes: ReadonlyMap<string, string>;
  resolveAuthKeySource?: AuthKeySourceResolver;
}

// zlint v3.5.0 LintSource.FromString: the sources a profile may exclude.
const LINT_SOURCES = new Set(['RFC5280', 'RFC5480', 'RFC5891', 'CABF_BR', 'CABF_EV', 'Mozilla', 'Apple', 'Community', 'ETSI_ESI']);

function invalidPolicy(message?: string): CfsslError {
  return new CfsslError('ERR_CONFIG', 5200, message);
}

function parseDuration(text: string): bigint {
  try {
    return parseGoDuration(text);
  } catch (e) {
    if (e instanceof GoDurationError) throw new CfsslError('ERR_CONFIG', 5200, e.message, { cause: e });
    throw e;
  }
}

// The auth_keys entry named by a profile, as an HMAC key ("standard" is the only type cfssl knows).
function authKeyBytes(name: string, missingMessage: string, ctx: PopulateContext): Uint8Array {
  const entry = ctx.authKeys.get(name);
  if (entry === undefined) throw invalidPolicy(missingMessage);
  if (entry.type !== 'standard') throw invalidPolicy('unknown authentication type');
  try {
    return decodeStandardAuthKey(entry.key, ctx.resolveAuthKeySource);
  } catch (e) {
    throw new CfsslError('ERR_CONFIG', 5200, 'failed to create new standard auth provider', { cause: e });
  }
}

function remoteServer(name: string, ctx: PopulateContext): string {
  const remote = ctx.remotes.get(name) ?? '';
  if (remote === '') throw invalidPolicy('failed to find remote in remotes section');
  return remote;
}

/**
 * cfssl `SigningProfile.populate`: turn a decoded profile into a {@link SigningProfile}, failing with
 * the CfsslError (5200) cfssl reports. One deliberate difference: a local profile whose `not_after`
 * is before its `not_before` makes cfssl panic (exit 2); here it is a 5200 error.
 * Not emulated: validation of `ignored_lints` names against zlint's registry. cfssl-ts's own
 * `name_constraints` is checked here; `path` (the profile's dot path) prefixes its errors.
 *
 * @example populateProfile(decoded, { authKeys: new Map(), remotes: new Map() })
 */
export function populateProfile(decoded: DecodedSigningProfile | null, ctx: PopulateContext, path = 'signing.default'): SigningProfile {
  if (decoded === null) throw invalidPolicy("can't parse nil profile");
  const p = decoded;
  // cfssl 1.2 signs with a negative pathLenConstraint, which RFC 5280 §4.2.1.9 forbids: refuse it here.
  if (p.CAConstraint.MaxPathLen < -1) {
    throw invalidPolicy(
      `ca_constraint.max_path_len ${p.CAConstraint.MaxPathLen} is not a path length: use 0 or more (0 with max_path_len_zero), or omit it for no limit`,
    );
  }
  const profile: SigningProfile = {
    ...zeroSigningProfile(),
    usages: p.Usage ?? [],
    issuerUrls: p.IssuerURL,
    ocspUrl: p.OCSP,
    crlUrl: p.CRL,
    caConstraint: { isCa: p.CAConstraint.IsCA, maxPathLen: p.CAConstraint.MaxPathLen, maxPathLenZero: p.CAConstraint.MaxPathLenZero },
    ocspNoCheck: p.OCSPNoCheck,
    expiryString: p.ExpiryString,
    expiry: p.Expiry,
    backdateString: p.BackdateString,
    backdate: p.Backdate,
    authKeyName: p.AuthKeyName,
    prevAuthKeyName: p.PrevAuthKeyName,
    copyExtensions: p.CopyExtensions,
    remoteName: p.RemoteName,
    authRemote: { remoteName: p.AuthRemote.RemoteName, authKeyName: p.AuthRemote.AuthKeyName },
    notBefore: p.NotBefore === null ? null : Number(p.NotBefore / 1_000_000n) - (p.NotBefore % 1_000_000n < 0n ? 1 : 0),
    notAfter: p.NotAfter === null ? null : Number(p.NotAfter / 1_000_000n) - (p.NotAfter % 1_000_000n < 0n ? 1 : 0),
    nameWhitelistString: p.NameWhitelistString,
    ctLogServers: p.CTLogServers ?? [],
    certStore: p.CertStore,
    lintErrorLevel: p.LintErrLevel,
    ignoredLints: p.ExcludeLints ?? [],
    ignoredLintSources: p.ExcludeLintSources ?? [],
    policies: (p.Policies ?? []).map((policy) => ({
      id: policy.ID.id,
      arcs: policy.ID.arcs,
      qualifiers: (policy.Qualifiers ?? []).map((q) => ({ type: q.Type, value: q.Value })),
    })),
    csrWhitelist:
      p.CSRWhitelist === null
        ? null
        : {
            subject: p.CSRWhitelist.Subject,
            publicKeyAlgorithm: p.CSRWhitelist.PublicKeyAlgorithm,
            publicKey: p.CSRWhitelist.PublicKey,
            signatureAlgorithm: p.CSRWhitelist.SignatureAlgorithm,
            dnsNames: p.CSRWhitelist.DNSNames,
            ipAddresses: p.CSRWhitelist.IPAddresses,
            emailAddresses: p.CSRWhitelist.EmailAddresses,
            uris: p.CSRWhitelist.URIs,
          },
    clientProvidesSerialNumbers: p.ClientProvidesSerialNumbers,
    remoteServer: p.RemoteServer,
  };

  if (p.RemoteName === '' && p.AuthRemote.RemoteName === '') {
    if (p.ExpiryString === '') throw invalidPolicy('empty expiry string');
    profile.expiry = parseDuration(p.ExpiryString);
    if (p.BackdateString !== '') profile.backdate = parseDuration(p.BackdateString);
    if (p.NotBefore !== null && p.NotAfter !== null && p.NotAfter < p.NotBefore) {
      // cfssl 1.6.5 panics here (cferr.Wrap of a nil error); we report it instead.
      throw invalidPolicy('not_after is before not_before');
    }
    for (const policy of profile.policies) {
      for (const q of policy.qualifiers) {
        if (q.type !== '' && q.type !== 'id-qt-unotice' && q.type !== 'id-qt-cps') throw invalidPolicy('invalid policy qualifier type');
      }
    }
  } else if (p.RemoteName !== '') {
    // cfssl also logs "profile has both a remote and an auth remote specified" here.
    if (p.AuthRemote.RemoteName !== '') throw invalidPolicy();
    profile.remoteServer = remoteServer(p.RemoteName, ctx);
  } else {
    profile.remoteServer = remoteServer(p.AuthRemote.RemoteName, ctx);
  }

  if (p.AuthKeyName !== '') profile.authKey = authKeyBytes(p.AuthKeyName, 'failed to find auth_key in auth_keys section', ctx);
  if (p.PrevAuthKeyName !== '') {
    profile.prevAuthKey = authKeyBytes(p.PrevAuthKeyName, 'failed to find prev_auth_key in auth_keys section', ctx);
  }
  if (p.AuthRemote.AuthKeyName !== '') {
    profile.remoteAuthKey = authKeyBytes(p.AuthRemote.AuthKeyName, "failed to find auth_remote's auth_key in auth_keys section", ctx);
  }

  if (p.NameWhitelistString !== '') {
    try {
      profile.nameWhitelist = compileGoRegexp(p.NameWhitelistString);
    } catch (e) {
      throw new CfsslError('ERR_CONFIG', 5200, 'failed to compile name whitelist section', { cause: e });
    }
  }

  if (p.NameConstraints !== null) {
    const resolved = resolveNameConstraints(p.NameConstraints, `${path}.name_constraints`);
    // RFC 5280 §4.2.1.10: the extension belongs on CA certificates only.
    if (!p.CAConstraint.IsCA && p.RemoteName === '' && p.AuthRemote.RemoteName === '') {
      resolved.problems.unshift({
        path: `${path}.name_constraints`,
        message: 'name constraints apply to CA certificates only: set ca_constraint.is_ca',
      });
    }
    if (resolved.problems.length > 0) throw nameConstraintsError(resolved.problems, 5200);
    profile.nameConstraints = resolved.constraints;
  }

  // ExtensionWhitelist is a set keyed by the OID's string form.
  profile.allowedExtensions = [...new Set((p.AllowedExtensions ?? []).map((oid) => oid.id))];

  for (const source of p.ExcludeLintSources ?? []) {
    if (!LINT_SOURCES.has(goTrimSpace(source))) {
      throw invalidPolicy(`failed to build excluded lint source list: unknown source ${goQuote(source)}`);
    }
  }
  return profile;
}
