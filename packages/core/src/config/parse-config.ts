// cfssl config.LoadConfig (1.6.5): decode ca-config.json with Go's rules, populate and validate profiles.
import type { CaConfigJson } from './ca-config-json.js';
import { jsonTextOf } from '../go/json/json-text-of.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { GoError } from '../go/go-error.js';
import { decodeGoJson } from '../go/json/decode-go-json.js';
import { unmarshalGoJson, zeroGoValue } from '../go/json/struct-decoder.js';
import { builtinDefaultProfile } from './builtin-default-profile.js';
import { CONFIG_GO_TYPE, CONFIG_STRUCT_GO_TYPE, type DecodedConfig, type DecodedSigningProfile } from './config-go-types.js';
import { populateProfile, type PopulateContext } from './populate-profile.js';
import { remoteSignerWarning } from './remote-signer-warning.js';
import type { AuthKey, ConfigFinding, ConfigWarning, ParsedConfig, SigningProfile } from './signing-policy.js';
import type { AuthKeySourceResolver } from './standard-auth-key.js';
import { validateProfile } from './validate-profile.js';

/** Options for {@link parseConfig}. */
export interface ParseConfigOptions {
  /**
   * Reads `env:NAME` / `file:PATH` auth keys. Without it such keys fail as cfssl fails on an
   * unreadable key (`failed to create new standard auth provider`).
   */
  resolveAuthKeySource?: AuthKeySourceResolver;
}

function decodeConfig(input: string | CaConfigJson, warnings: ConfigWarning[]): DecodedConfig | null {
  try {
    // cfssl: cfg := &Config{}; json.Unmarshal(config, &cfg) (an object is marshalled first, so it decodes alike)
    return unmarshalGoJson(decodeGoJson(jsonTextOf(input)), CONFIG_GO_TYPE, zeroGoValue(CONFIG_STRUCT_GO_TYPE), {
      onUnknownKey: (path) => warnings.push({ path, message: 'unknown key; cfssl ignores it' }),
      onInternalKey: (path) =>
        warnings.push({
          path,
          message: 'sets an internal cfssl field that is not a configuration setting (cfssl overwrites or ignores it)',
        }),
    });
  } catch (e) {
    if (e instanceof GoError) throw new CfsslError('ERR_CONFIG', 5200, `failed to unmarshal configuration: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * Parse a cfssl `ca-config.json` exactly as cfssl 1.6.5 loads it (reference §3): Go JSON decoding
 * (case-insensitive keys, unknown keys ignored, Go's error texts), then populate() of the default and
 * each named profile, then Valid(). Failures throw a {@link CfsslError} (`ERR_CONFIG`) that renders as
 * cfssl prints it after `Failed to load config file: `: 5200 JSON errors, or the plain text
 * `No "signing" field present`. When Valid() fails the message is cfssl's `invalid configuration` and
 * `err.findings` lists every problem with its dot path; `warnings` are separate and never fatal.
 *
 * Differences from cfssl, where cfssl crashes: `not_after` before `not_before` is a 5200 error (cfssl
 * panics) and a top-level `null` reports `No "signing" field present` (cfssl dereferences nil). With
 * several bad profiles cfssl's choice depends on Go map order; here the first in the file fails.
 *
 * @example parseConfig('{"signing":{"default":{"expiry":"8760h"}}}').policy.defaultProfile.expiryString // '8760h'
 * @example parseConfig({ signing: { default: { expiry: '8760h' } } }).policy.defaultProfile.expiryString // '8760h'
 */
export function parseConfig(input: string | CaConfigJson, options: ParseConfigOptions = {}): ParsedConfig {
  const warnings: ConfigWarning[] = [];
  const decoded = decodeConfig(input, warnings);
  if (decoded === null || decoded.Signing === null) throw new CfsslError('ERR_CONFIG', 0, 'No "signing" field present');

  const authKeys = new Map<string, AuthKey>([...(decoded.AuthKeys ?? [])].map(([name, k]) => [name, { type: k.Type, key: k.Key }]));
  const remotes = new Map(decoded.Remotes ?? new Map<string, string>());
  const ctx: PopulateContext = { authKeys, remotes, resolveAuthKeySource: options.resolveAuthKeySource };

  const decodedDefault = decoded.Signing.Default;
  const defaultProfile = decodedDefault === null ? builtinDefaultProfile() : populateProfile(decodedDefault, ctx);
  const decodedProfiles = decoded.Signing.Profiles ?? new Map<string, DecodedSigningProfile | null>();
  const profiles = new Map<string, SigningProfile>();
  for (const [name, p] of decodedProfiles) profiles.set(name, populateProfile(p, ctx, `signing.profiles.${name}`));

  const findings: ConfigFinding[] = [
    ...validateProfile(defaultProfile, true, 'signing.default'),
    ...[...profiles].flatMap(([name, p]) => validateProfile(p, false, `signing.profiles.${name}`)),
  ];
  if (findings.length > 0) throw new CfsslError('ERR_CONFIG', 5200, 'invalid configuration', { findings });

  if (decodedDefault !== null) {
    const message = remoteSignerWarning(decodedDefault);
    if (message !== undefined) warnings.push({ path: 'signing.default', message });
  }
  for (const [name, p] of decodedProfiles) {
    const message = p === null ? undefined : remoteSignerWarning(p, name);
    if (message !== undefined) warnings.push({ path: `signing.profiles.${name}`, message });
  }

  return {
    policy: { defaultProfile, defaultIsBuiltin: decodedDefault === null, profiles, authKeys, remotes },
    warnings,
  };
}
