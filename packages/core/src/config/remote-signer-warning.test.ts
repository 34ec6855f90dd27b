import { describe, expect, it } from 'vitest';
import { decodeGoJson } from '../go/json/decode-go-json.js';
import { unmarshalGoJson } from '../go/json/struct-decoder.js';
import { CONFIG_GO_TYPE, type DecodedConfig, type DecodedSigningProfile } from './config-go-types.js';
import { remoteSignerWarning } from './remote-signer-warning.js';

function profile(json: string): DecodedSigningProfile {
  const cfg = unmarshalGoJson(decodeGoJson(`{"signing":{"default":${json}}}`), CONFIG_GO_TYPE) as DecodedConfig;
  const p = cfg.Signing?.Default;
  if (!p) throw new Error('no profile');
  return p;
}

const SKIPPED =
  'The configuration value by "usages", "issuer_urls", "ocsp_url", "crl_url", "ca_constraint", "expiry", "backdate", "not_before", "not_after", "cert_store" and "ct_log_servers" are skipped';

describe('remoteSignerWarning (cfssl warnSkippedSettings)', () => {
  it('warns for remote profiles with local settings (an empty usages list counts)', () => {
    expect(remoteSignerWarning(profile('{"remote":"r","usages":[]}'))).toBe(`default profile points to a remote signer: ${SKIPPED}`);
    expect(remoteSignerWarning(profile('{"auth_remote":{"remote":"r"},"ca_constraint":{"is_ca":true}}'), 'p')).toBe(
      `Profiles[p] points to a remote signer: ${SKIPPED}`,
    );
  });

  it('is silent for local profiles and for settings cfssl does not list', () => {
    expect(remoteSignerWarning(profile('{"usages":["signing"],"expiry":"1h"}'))).toBeUndefined();
    expect(remoteSignerWarning(profile('{"remote":"r","crl_url":"x","ct_log_servers":[],"cert_store":"x"}'))).toBeUndefined();
  });
});
