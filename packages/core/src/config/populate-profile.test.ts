import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeGoJson } from '../go/json/decode-go-json.js';
import { unmarshalGoJson } from '../go/json/struct-decoder.js';
import { CONFIG_GO_TYPE, type DecodedConfig, type DecodedSigningProfile } from './config-go-types.js';
import { populateProfile, type PopulateContext } from './populate-profile.js';

function decodedDefault(profileJson: string): DecodedSigningProfile | null {
  const cfg = unmarshalGoJson(decodeGoJson(`{"signing":{"default":${profileJson}}}`), CONFIG_GO_TYPE) as DecodedConfig;
  return cfg.Signing?.Default ?? null;
}

const ctx: PopulateContext = { authKeys: new Map([['k', { type: 'standard', key: 'beef' }]]), remotes: new Map([['r', 'ca.test:8888']]) };

function errorMessage(profileJson: string): string {
  try {
    populateProfile(decodedDefault(profileJson), ctx);
  } catch (e) {
    expect(e).toBeInstanceOf(CfsslError);
    expect((e as CfsslError).cfsslCode).toBe(5200);
    return (e as Error).message;
  }
  return '<ok>';
}

describe('populateProfile (cfssl SigningProfile.populate)', () => {
  it('refuses a negative path length, which cfssl 1.2 would encode (RFC 5280 §4.2.1.9 forbids it)', () => {
    expect(errorMessage('{"expiry":"1h","ca_constraint":{"is_ca":true,"max_path_len":-2}}')).toBe(
      'ca_constraint.max_path_len -2 is not a path length: use 0 or more (0 with max_path_len_zero), or omit it for no limit',
    );
    expect(errorMessage('{"expiry":"1h","ca_constraint":{"is_ca":true,"max_path_len":-1}}')).toBe('<ok>');
  });

  it('parses durations and converts pinned times to milliseconds', () => {
    const p = populateProfile(decodedDefault('{"expiry":"1.5h","backdate":"90s","not_before":"2020-01-01T00:00:00.0015Z"}'), ctx);
    expect(p.expiry).toBe(5_400_000_000_000n);
    expect(p.backdate).toBe(90_000_000_000n);
    expect(p.notBefore).toBe(Date.UTC(2020, 0, 1) + 1);
    expect(p.notAfter).toBeNull();
  });

  it('checks local profiles in cfssl order', () => {
    expect(errorMessage('null')).toBe("can't parse nil profile");
    expect(errorMessage('{"backdate":"x"}')).toBe('empty expiry string');
    expect(errorMessage('{"expiry":"1h","backdate":"x","auth_key":"missing"}')).toBe('time: invalid duration "x"');
    expect(errorMessage('{"expiry":"1h","auth_key":"missing","name_whitelist":"("}')).toBe('failed to find auth_key in auth_keys section');
    expect(errorMessage('{"expiry":"1h","name_whitelist":"("}')).toBe('failed to compile name whitelist section');
    expect(errorMessage('{"expiry":"1h","Policies":[{"ID":"1.2","Qualifiers":[{"Type":"","Value":""},{"Type":"x"}]}]}')).toBe(
      'invalid policy qualifier type',
    );
  });

  it('resolves remotes and auth keys without needing an expiry', () => {
    const p = populateProfile(decodedDefault('{"remote":"r","auth_key":"k","prev_auth_key":"k"}'), ctx);
    expect(p.remoteServer).toBe('ca.test:8888');
    expect(p.expiry).toBe(0n);
    expect(p.authKey).toEqual(new Uint8Array([0xbe, 0xef]));
    expect(p.prevAuthKey).toEqual(new Uint8Array([0xbe, 0xef]));
    expect(errorMessage('{"remote":"r","auth_remote":{"remote":"r"}}')).toBe('Invalid or unknown policy');
    expect(errorMessage('{"auth_remote":{"remote":"nope"}}')).toBe('failed to find remote in remotes section');
  });
});
