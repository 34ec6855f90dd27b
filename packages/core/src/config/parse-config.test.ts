import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { formatCfsslErrorJson } from '../go/json/format-cfssl-error-json.js';
import { parseConfig, type ParseConfigOptions } from './parse-config.js';
import type { CaConfigJson } from './ca-config-json.js';
import { selectProfile } from './select-profile.js';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const GOLDEN = goldenDir('cfssl-1.6.5');
const H = 3_600_000_000_000n;

// What cfssl prints after "Failed to load config file: ".
function rendered(text: string, options?: ParseConfigOptions): string {
  try {
    parseConfig(text, options);
  } catch (e) {
    if (!(e instanceof CfsslError)) throw e;
    expect(e.code).toBe('ERR_CONFIG');
    return e.plain ? e.message : formatCfsslErrorJson(e.cfsslCode, e.message);
  }
  return '<loaded>';
}

const usages = '"usages":["signing","key encipherment","server auth","client auth"]';
const local = (extra = ''): string => `{${usages},"expiry":"1h"${extra}}`;
const json5200 = (message: string): string => formatCfsslErrorJson(5200, message);

describe('parseConfig: reference §3.7 error catalogue', () => {
  it.each([
    ['not JSON', 'nope', json5200("failed to unmarshal configuration: invalid character 'o' in literal null (expecting 'u')")],
    ['{}', '{}', 'No "signing" field present'],
    ['signing: null', '{"signing":null}', 'No "signing" field present'],
    ['default without expiry', `{"signing":{"default":{${usages}}}}`, json5200('empty expiry string')],
    ['expiry 1y', `{"signing":{"default":{${usages},"expiry":"1y"}}}`, json5200('time: unknown unit "y" in duration "1y"')],
    ['named profile without usages', '{"signing":{"profiles":{"p":{"expiry":"1h"}}}}', json5200('invalid configuration')],
    ['named profile with empty usages', '{"signing":{"profiles":{"p":{"usages":[],"expiry":"1h"}}}}', json5200('invalid configuration')],
    [
      'only unknown usages',
      '{"signing":{"profiles":{"p":{"usages":["Signing","server  auth"],"expiry":"1h"}}}}',
      json5200('invalid configuration'),
    ],
    [
      'bad regexp',
      `{"signing":{"profiles":{"p":${local(',"name_whitelist":"a[b"')}}}}`,
      json5200('failed to compile name whitelist section'),
    ],
    ['unknown remote', '{"signing":{"profiles":{"p":{"remote":"r"}}}}', json5200('failed to find remote in remotes section')],
    [
      'empty remote address',
      '{"signing":{"profiles":{"p":{"remote":"r"}}},"remotes":{"r":""}}',
      json5200('failed to find remote in remotes section'),
    ],
    [
      'unknown auth_remote remote',
      '{"signing":{"profiles":{"p":{"auth_remote":{"remote":"r","auth_key":"k"}}}}}',
      json5200('failed to find remote in remotes section'),
    ],
    ['unknown auth key', `{"signing":{"default":${local(',"auth_key":"k"')}}}`, json5200('failed to find auth_key in auth_keys section')],
    [
      'bad auth key type',
      `{"signing":{"default":${local(',"auth_key":"k"')}},"auth_keys":{"k":{"type":"bearer","key":"00"}}}`,
      json5200('unknown authentication type'),
    ],
    [
      'bad hex',
      `{"signing":{"default":${local(',"auth_key":"k"')}},"auth_keys":{"k":{"type":"standard","key":"0g"}}}`,
      json5200('failed to create new standard auth provider'),
    ],
    [
      'odd hex',
      `{"signing":{"default":${local(',"auth_key":"k"')}},"auth_keys":{"k":{"type":"standard","key":"abc"}}}`,
      json5200('failed to create new standard auth provider'),
    ],
    [
      'unknown key prefix',
      `{"signing":{"default":${local(',"auth_key":"k"')}},"auth_keys":{"k":{"type":"standard","key":"vault:x"}}}`,
      json5200('failed to create new standard auth provider'),
    ],
    [
      'unknown prev_auth_key',
      `{"signing":{"default":${local(',"prev_auth_key":"k"')}}}`,
      json5200('failed to find prev_auth_key in auth_keys section'),
    ],
    [
      'unknown auth_remote auth key',
      '{"signing":{"default":{"auth_remote":{"remote":"r","auth_key":"k"}}},"remotes":{"r":"127.0.0.1:8888"}}',
      json5200("failed to find auth_remote's auth_key in auth_keys section"),
    ],
    ['bad backdate', `{"signing":{"default":${local(',"backdate":"x"')}}}`, json5200('time: invalid duration "x"')],
    [
      'not_after < not_before (cfssl panics)',
      `{"signing":{"default":${local(',"not_before":"2030-01-02T00:00:00Z","not_after":"2030-01-01T00:00:00Z"')}}}`,
      json5200('not_after is before not_before'),
    ],
    [
      'bad qualifier type',
      `{"signing":{"default":${local(',"Policies":[{"ID":"1.2.3","Qualifiers":[{"Type":"id-qt-x","Value":"v"}]}]')}}}`,
      json5200('invalid policy qualifier type'),
    ],
    [
      'not_before 2030-01-01',
      `{"signing":{"default":${local(',"not_before":"2030-01-01"')}}}`,
      json5200(
        'failed to unmarshal configuration: parsing time "\\"2030-01-01\\"" as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse "\\"" as "T"',
      ),
    ],
    [
      'remote + auth_remote',
      '{"signing":{"default":{"remote":"r","auth_remote":{"remote":"r"}}},"remotes":{"r":"127.0.0.1:8888"}}',
      json5200('Invalid or unknown policy'),
    ],
    [
      'allowed_extensions abc',
      `{"signing":{"default":${local(',"allowed_extensions":["abc"]')}}}`,
      json5200('failed to unmarshal configuration: Invalid OID'),
    ],
    ['null profile', '{"signing":{"profiles":{"p":null}}}', json5200("can't parse nil profile")],
    ['default expiry 0s', `{"signing":{"default":{${usages},"expiry":"0s"}}}`, json5200('invalid configuration')],
  ])('%s', (_name, input, want) => {
    expect(rendered(input)).toBe(want);
  });

  it('loads a default profile without usages (the 5100 error comes at signing)', () => {
    const { policy } = parseConfig('{"signing":{"default":{"expiry":"720h"}}}');
    expect(policy.defaultProfile.usages).toEqual([]);
    expect(policy.defaultProfile.expiry).toBe(720n * H);
  });
});

describe('parseConfig: Valid() findings', () => {
  const findingsOf = (text: string): unknown => {
    try {
      parseConfig(text);
    } catch (e) {
      if (!(e instanceof CfsslError)) throw e;
      return { code: e.code, cfsslCode: e.cfsslCode, message: e.message, findings: e.findings };
    }
    return '<loaded>';
  };

  it('lists every invalid profile with its dot path under cfssl\'s single "invalid configuration"', () => {
    const text = `{"signing":{"default":{${usages},"expiry":"0s"},"profiles":{"www":{"expiry":"1h"},"ok":{"usages":["signing"],"expiry":"1h"},"odd":{"usages":["Signing"],"expiry":"1h"}}}}`;
    expect(findingsOf(text)).toEqual({
      code: 'ERR_CONFIG',
      cfsslCode: 5200,
      message: 'invalid configuration',
      findings: [
        { path: 'signing.default.expiry', message: 'invalid local profile: no expiry set' },
        { path: 'signing.profiles.www.usages', message: 'invalid local profile: no usages specified' },
        { path: 'signing.profiles.odd.usages', message: 'invalid local profile: no valid usages' },
      ],
    });
    expect(rendered(text)).toBe(json5200('invalid configuration'));
  });

  it('keeps warnings apart: a config that loads has warnings and no findings', () => {
    const { warnings } = parseConfig(`{"signing":{"default":{${usages},"expiry":"1h","usage":["x"]}}}`);
    expect(warnings).toEqual([{ path: 'signing.default.usage', message: 'unknown key; cfssl ignores it' }]);
  });

  it('other load errors carry no findings', () => {
    expect(findingsOf('{}')).toEqual({ code: 'ERR_CONFIG', cfsslCode: 0, message: 'No "signing" field present', findings: [] });
  });
});

describe('parseConfig: Go decoding errors', () => {
  it.each([
    [
      '{"signing":{"default":{"usages":"signing"}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.default.usages of type []string',
    ],
    [
      '{"signing":{"profiles":{"p":{"ca_constraint":{"max_path_len":1.5}}}}}',
      'json: cannot unmarshal number 1.5 into Go struct field CAConstraint.signing.profiles.ca_constraint.max_path_len of type int',
    ],
    ['[]', 'json: cannot unmarshal array into Go value of type config.Config'],
    ['{"signing":"x"}', 'json: cannot unmarshal string into Go struct field Config.signing of type config.Signing'],
    ['{"auth_keys":{"a":{"key":1}}}', 'json: cannot unmarshal number into Go struct field AuthKey.auth_keys.key of type string'],
    ['{"ocsp":{"Interval":"1h"}}', 'json: cannot unmarshal string into Go struct field Config.ocsp.Interval of type time.Duration'],
    [
      '{"signing":{"default":{"Expiry":"8760h"}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.default.Expiry of type time.Duration',
    ],
    [
      '{"signing":{"default":{"allowed_extensions":"1.2"}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.default.allowed_extensions of type []config.OID',
    ],
    [
      '{"signing":{"default":{"Policies":{"ID":"1"}}}}',
      'json: cannot unmarshal object into Go struct field SigningProfile.signing.default.Policies of type []config.CertificatePolicy',
    ],
    [
      '{"signing":{"default":{"ClientCert":{"Certificate":"x"}}}}',
      'json: cannot unmarshal string into Go struct field Certificate.signing.default.ClientCert.Certificate of type [][]uint8',
    ],
    [
      '{"signing":{"default":{"RemoteCAs":1}}}',
      'json: cannot unmarshal number into Go struct field SigningProfile.signing.default.RemoteCAs of type x509.CertPool',
    ],
    [
      '{"signing":{"default":{"NameWhitelist":"x"}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.default.NameWhitelist of type regexp.Regexp',
    ],
    // unmarshaler errors (OID, time.Time, lint.LintStatus) carry no field context and win over earlier type errors
    [
      '{"signing":{"default":{"usages":5,"not_before":"x"}}}',
      'parsing time "\\"x\\"" as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse "x\\"" as "2006"',
    ],
    ['{"signing":{"default":{"not_before":5}}}', 'parsing time "5" as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse "5" as "\\""'],
    ['{"signing":{"default":{"allowed_extensions":[1]}}}', 'OID JSON string not wrapped in quotes.1'],
    ['{"signing":{"default":{"allowed_extensions":[null]}}}', 'OID JSON string not wrapped in quotes.null'],
    ['{"signing":{"default":{"allowed_extensions":[{ "a" : 1 }]}}}', 'OID JSON string not wrapped in quotes.{ "a" : 1 }'],
    ['{"signing":{"default":{"allowed_extensions":["1..2"]}}}', 'strconv.Atoi: parsing "": invalid syntax'],
    [
      '{"signing":{"default":{"allowed_extensions":["99999999999999999999"]}}}',
      'strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    ['{"signing":{"default":{"Policies":[{"ID":"x"}]}}}', 'Invalid OID'],
    ['{"signing":{"default":{"lint_error_level":6}}}', 'bad LintStatus JSON value: 6'],
  ])('%s', (input, goMessage) => {
    expect(rendered(input)).toBe(json5200(`failed to unmarshal configuration: ${goMessage}`));
  });
});

describe('parseConfig: golden cfssl 1.6.5 config errors', () => {
  const cases = readdirSync(GOLDEN).filter((d) => d.startsWith('cfg-') && existsSync(join(GOLDEN, d, 'config.json')));
  it('has cases', () => expect(cases.length).toBeGreaterThan(5));
  it.each(cases)('%s', (id) => {
    const { expect: want } = JSON.parse(readFileSync(join(GOLDEN, id, 'case.json'), 'utf8')) as { expect: { error: string } };
    const prefix = 'Failed to load config file: ';
    expect(want.error.startsWith(prefix)).toBe(true);
    expect(rendered(readFileSync(join(GOLDEN, id, 'config.json'), 'utf8'))).toBe(want.error.slice(prefix.length));
  });
});

describe('parseConfig: golden configs that cfssl loaded', () => {
  const files = readdirSync(GOLDEN)
    .filter((d) => /^(sign|etcd|k8s|kube)-/.test(d))
    .flatMap((d) => ['config.json', 'ca-config.json'].map((f) => join(GOLDEN, d, f)))
    .filter((f) => existsSync(f));
  it('has cases', () => expect(files.length).toBeGreaterThan(15));
  it.each(files)('%s', (file) => {
    const { policy, warnings } = parseConfig(readFileSync(file, 'utf8'));
    expect(warnings).toEqual([]);
    expect(policy.defaultProfile.expiry).toBeGreaterThan(0n);
  });

  it('parses the etcd tutorial config', () => {
    const { policy } = parseConfig(readFileSync(join(GOLDEN, 'etcd-peer/ca-config.json'), 'utf8'));
    expect(policy.defaultIsBuiltin).toBe(false);
    expect(policy.defaultProfile.expiryString).toBe('43800h');
    expect(policy.defaultProfile.usages).toEqual([]);
    const peer = policy.profiles.get('peer');
    expect(peer?.expiry).toBe(43800n * H);
    expect(peer?.usages).toEqual(['signing', 'key encipherment', 'server auth', 'client auth']);
    expect(peer?.issuerUrls).toBeNull();
    expect(peer?.caConstraint).toEqual({ isCa: false, maxPathLen: 0, maxPathLenZero: false });
  });

  it('parses policies, pinned validity, backdate, whitelist and AIA settings', () => {
    const read = (id: string) => parseConfig(readFileSync(join(GOLDEN, id, 'config.json'), 'utf8')).policy;
    expect(read('sign-policies-cps-unotice').profiles.get('pol')?.policies).toEqual([
      {
        id: '1.3.6.1.4.1.99999.7',
        arcs: [1, 3, 6, 1, 4, 1, 99999, 7],
        qualifiers: [
          { type: 'id-qt-unotice', value: 'Contoso dev certificates' },
          { type: 'id-qt-cps', value: 'http://contoso.dev/cps' },
        ],
      },
      { id: '2.23.140.1.2.3', arcs: [2, 23, 140, 1, 2, 3], qualifiers: [] },
    ]);
    const fixed = read('sign-pinned-validity-2050-boundary').profiles.get('fixed');
    expect(fixed?.notBefore).toBe(Date.UTC(2020, 0, 1));
    expect(fixed?.notAfter).toBe(Date.UTC(2050, 0, 1));
    const tiny = read('sign-expiry-0.75h-backdate-10m').profiles.get('tiny');
    expect(tiny?.expiry).toBe((3n * H) / 4n);
    expect(tiny?.backdate).toBe(600_000_000_000n);
    expect(tiny?.backdateString).toBe('10m');
    const wl = read('sign-name-whitelist-pass').profiles.get('wl');
    expect(wl?.nameWhitelistString).toBe('^[a-z.]+\\.contoso\\.dev$');
    expect(wl?.nameWhitelist?.test('www.contoso.dev')).toBe(true);
    expect(wl?.nameWhitelist?.test('www.contoso.dev.evil')).toBe(false);
    const aia = read('sign-aia-crl-urls').profiles.get('aia');
    expect(aia).toMatchObject({
      issuerUrls: ['http://ca.contoso.dev/root.der'],
      ocspUrl: 'http://ocsp.contoso.dev:8080/',
      crlUrl: 'http://ca.contoso.dev/root.crl',
    });
    const sub = read('sign-ca-constraint-pathlen0-zero').profiles.get('sub');
    expect(sub?.caConstraint).toEqual({ isCa: true, maxPathLen: 0, maxPathLenZero: true });
  });
});

describe('parseConfig: semantics', () => {
  it('uses the built-in default profile when signing.default is absent or null', () => {
    for (const text of ['{"signing":{}}', '{"signing":{"default":null}}']) {
      const { policy } = parseConfig(text);
      expect(policy.defaultIsBuiltin).toBe(true);
      expect(policy.defaultProfile.usages).toEqual(['signing', 'key encipherment', 'server auth', 'client auth']);
      expect(policy.defaultProfile.expiry).toBe(8760n * H);
      expect(policy.defaultProfile.expiryString).toBe('8760h');
      expect(policy.profiles.size).toBe(0);
    }
  });

  it('matches keys case-insensitively and keeps an explicit empty issuer_urls', () => {
    const { policy } = parseConfig('{"SIGNING":{"Profiles":{"P":{"USAGES":["signing"],"Expiry":5,"EXPIRY":"2h","Issuer_URLs":[]}}}}');
    const p = policy.profiles.get('P');
    expect(p?.expiry).toBe(2n * H);
    expect(p?.issuerUrls).toEqual([]);
    expect(p?.usages).toEqual(['signing']);
  });

  it('accepts "0s" for a named profile (it falls back to the default expiry at signing)', () => {
    expect(parseConfig('{"signing":{"profiles":{"p":{"usages":["signing"],"expiry":"0s"}}}}').policy.profiles.get('p')?.expiry).toBe(0n);
  });

  it('parses OIDs with cfssl quirks', () => {
    const p = parseConfig(
      `{"signing":{"default":${local(',"allowed_extensions":["+1.-2","1.3.6.1.5.5.7.1.1","1.3.6.1.5.5.7.1.1","007"]')}}}`,
    ).policy.defaultProfile;
    expect(p.allowedExtensions).toEqual(['1.-2', '1.3.6.1.5.5.7.1.1', '7']);
  });

  it('reads lint settings like cfssl 1.6.5 (zlint labels, known sources)', () => {
    const p = parseConfig(
      `{"signing":{"default":${local(',"lint_error_level":"warn","ignored_lint_sources":[" RFC5280 ","ETSI_ESI"],"ignored_lints":["e_x"]')}}}`,
    ).policy.defaultProfile;
    expect(p.lintErrorLevel).toBe(5);
    expect(p.ignoredLintSources).toEqual([' RFC5280 ', 'ETSI_ESI']);
    expect(p.ignoredLints).toEqual(['e_x']);
    expect(rendered(`{"signing":{"default":${local(',"ignored_lint_sources":["RFC3279"]')}}}`)).toBe(
      json5200('failed to build excluded lint source list: unknown source "RFC3279"'),
    );
  });

  it('reads CSRWhitelist and ClientProvidesSerialNumbers', () => {
    const p = parseConfig(
      `{"signing":{"default":${local(',"csrwhitelist":{"Subject":true,"dnsnames":true},"clientprovidesserialnumbers":true')}}}`,
    ).policy.defaultProfile;
    expect(p.csrWhitelist).toEqual({
      subject: true,
      publicKeyAlgorithm: false,
      publicKey: false,
      signatureAlgorithm: false,
      dnsNames: true,
      ipAddresses: false,
      emailAddresses: false,
      uris: false,
    });
    expect(p.clientProvidesSerialNumbers).toBe(true);
  });

  it('resolves auth keys: hex, env: and file: through the resolver', () => {
    const config = (key: string): string =>
      `{"signing":{"default":${local(',"auth_key":"k"')}},"auth_keys":{"k":{"type":"standard","key":"${key}"}}}`;
    expect(parseConfig(config('00ff10AB')).policy.defaultProfile.authKey).toEqual(new Uint8Array([0, 255, 16, 171]));
    const resolve: ParseConfigOptions['resolveAuthKeySource'] = (kind, name) =>
      kind === 'env' ? ({ CFSSL_KEY: '0102' } as Record<string, string>)[name] : name === '/k' ? ' 0a0b\n' : undefined;
    expect(parseConfig(config('env:CFSSL_KEY'), { resolveAuthKeySource: resolve }).policy.defaultProfile.authKey).toEqual(
      new Uint8Array([1, 2]),
    );
    // an unset variable is an empty key, as with Go's os.Getenv
    expect(parseConfig(config('env:UNSET'), { resolveAuthKeySource: resolve }).policy.defaultProfile.authKey).toEqual(new Uint8Array([]));
    expect(parseConfig(config('file:/k'), { resolveAuthKeySource: resolve }).policy.defaultProfile.authKey).toEqual(
      new Uint8Array([10, 11]),
    );
    expect(rendered(config('file:/missing'), { resolveAuthKeySource: resolve })).toBe(
      json5200('failed to create new standard auth provider'),
    );
    expect(rendered(config('env:CFSSL_KEY'))).toBe(json5200('failed to create new standard auth provider'));
  });

  it('resolves remote and auth_remote profiles and warns about their local settings', () => {
    const { policy, warnings } = parseConfig(
      '{"signing":{"default":{"auth_remote":{"remote":"r","auth_key":"k"}},"profiles":{"p":{"remote":"r","usages":["signing"],"auth_key":"k"},"q":{"remote":"r"}}},' +
        '"remotes":{"r":"127.0.0.1:8888"},"auth_keys":{"k":{"type":"standard","key":"0011"}}}',
    );
    expect(policy.defaultProfile.remoteServer).toBe('127.0.0.1:8888');
    expect(policy.defaultProfile.remoteAuthKey).toEqual(new Uint8Array([0, 0x11]));
    expect(policy.profiles.get('p')?.authKey).toEqual(new Uint8Array([0, 0x11]));
    expect(policy.remotes.get('r')).toBe('127.0.0.1:8888');
    expect(policy.authKeys.get('k')).toEqual({ type: 'standard', key: '0011' });
    expect(warnings).toEqual([
      {
        path: 'signing.profiles.p',
        message:
          'Profiles[p] points to a remote signer: The configuration value by "usages", "issuer_urls", "ocsp_url", "crl_url", "ca_constraint", "expiry", "backdate", "not_before", "not_after", "cert_store" and "ct_log_servers" are skipped',
      },
    ]);
    // an auth_remote profile needs an auth key; an auth key without a remote is invalid
    expect(rendered('{"signing":{"default":{"auth_remote":{"remote":"r"}}},"remotes":{"r":"h:1"}}')).toBe(
      json5200('invalid configuration'),
    );
    expect(
      rendered(`{"signing":{"default":${local(',"auth_remote":{"auth_key":"k"}')}},"auth_keys":{"k":{"type":"standard","key":""}}}`),
    ).toBe(json5200('invalid configuration'));
  });

  it('warns about unknown keys and internal fields with their JSON paths', () => {
    const { warnings } = parseConfig(
      `{"signing":{"profiles":{"www":{"usage":["x"],${usages},"expiry":"1h","RemoteServer":""}}},"extra":1}`,
    );
    expect(warnings.map((w) => w.path)).toEqual(['signing.profiles.www.usage', 'signing.profiles.www.RemoteServer', 'extra']);
  });

  it('treats the Go zero time as unset', () => {
    const p = parseConfig(
      `{"signing":{"default":${local(',"not_before":"0001-01-01T00:00:00Z","not_after":"2030-01-01T00:00:00.999999Z"')}}}`,
    ).policy.defaultProfile;
    expect(p.notBefore).toBeNull();
    expect(p.notAfter).toBe(Date.UTC(2030, 0, 1) + 999);
  });
});

describe('selectProfile', () => {
  it('returns the named profile, else the default', () => {
    const { policy } = parseConfig(
      `{"signing":{"default":${local()},"profiles":{"a":{"usages":["signing"],"expiry":"2h"},"":{"usages":["signing"],"expiry":"3h"}}}}`,
    );
    expect(selectProfile(policy, 'a').expiry).toBe(2n * H);
    expect(selectProfile(policy, 'missing')).toBe(policy.defaultProfile);
    expect(selectProfile(policy, '')).toBe(policy.defaultProfile);
  });
});

describe('parseConfig of an object', () => {
  const text = '{"signing":{"default":{"expiry":"8760h"},"profiles":{"www":{"expiry":"87600h","usages":["signing","server auth"]}}}}';

  it('decodes an object exactly as its JSON text', () => {
    const fromObject = parseConfig(JSON.parse(text) as CaConfigJson);
    const fromText = parseConfig(text);
    expect(fromObject.policy.profiles.get('www')?.usages).toEqual(fromText.policy.profiles.get('www')?.usages);
    expect(fromObject.policy.defaultProfile.expiryString).toBe('8760h');
  });

  it("refuses a wrong type with cfssl's 5200 and Go's text naming the field", () => {
    const bad = { signing: { default: { expiry: 8760 } } } as unknown as CaConfigJson;
    expect(() => parseConfig(bad)).toThrow(parseConfigError(text.replace('"8760h"', '8760')));
  });

  it('refuses a value JSON cannot hold (a bigint) with 5200', () => {
    const bad = { signing: { default: { expiry: 1n } } } as unknown as CaConfigJson;
    expect(() => parseConfig(bad)).toThrow(/failed to unmarshal configuration: json: unsupported value/);
  });
});

function parseConfigError(badText: string): string {
  try {
    parseConfig(badText);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the text form to fail');
}
