import { describe, expect, it } from 'vitest';
import { GoError } from '../go-error.js';
import { decodeGoJson } from './decode-go-json.js';
import { GoJsonUnmarshalTypeError } from './go-json-errors.js';
import {
  goBoolType,
  goBytesType,
  goField,
  goIntType,
  goInterfaceType,
  goMapType,
  goPointerType,
  goSliceType,
  goStringType,
  goStructType,
  goUnmarshalerType,
  type GoType,
} from './go-type.js';
import { unmarshalGoJson, zeroGoValue, type GoStructValue } from './struct-decoder.js';

// A small model of cfssl's config types; expected messages were observed from Go 1.19.8 (cfssl 1.2).
const caConstraint = goStructType('config.CAConstraint', [
  goField('IsCA', goBoolType(), 'is_ca'),
  goField('MaxPathLen', goIntType(), 'max_path_len'),
]);
const csrWhitelist = goStructType('config.CSRWhitelist', [goField('DNSNames', goBoolType())]);
const stamp = goUnmarshalerType(
  'x.Stamp',
  () => '',
  (raw) => {
    if (raw === '"bad"') throw new GoError('bad stamp');
    return raw;
  },
);
const profile = goStructType('config.SigningProfile', [
  goField('Usage', goSliceType(goStringType()), 'usages'),
  goField('CAConstraint', caConstraint, 'ca_constraint'),
  goField('ExpiryString', goStringType(), 'expiry'),
  goField('Stamp', stamp, 'stamp'),
  goField('Expiry', goIntType('time.Duration', { big: true }), undefined, { internal: true }),
  goField('Provider', goInterfaceType('auth.Provider', false), undefined, { internal: true }),
  goField('CSRWhitelist', goPointerType(csrWhitelist)),
  goField('ExtensionWhitelist', goMapType(goBoolType()), undefined, { internal: true }),
]);
const signing = goStructType('config.Signing', [
  goField('Profiles', goMapType(goPointerType(profile)), 'profiles'),
  goField('Default', goPointerType(profile), 'default'),
]);
const config = goStructType('config.Config', [
  goField('Signing', goPointerType(signing), 'signing'),
  goField('Remotes', goMapType(goStringType()), 'remotes'),
]);

function decode(json: string, type: GoType = config, target?: unknown): unknown {
  return unmarshalGoJson(decodeGoJson(json), type, target);
}

function errorOf(json: string, type: GoType = config): string {
  try {
    decode(json, type);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('unmarshalGoJson', () => {
  it.each([
    [
      '{"signing":{"default":{"usages":"x"}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.default.usages of type []string',
    ],
    // Go 1.19 puts no map key in the field path
    [
      '{"signing":{"profiles":{"p":{"usages":"x"}}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.profiles.usages of type []string',
    ],
    [
      '{"signing":{"profiles":{"p":{"usages":[1]}}}}',
      'json: cannot unmarshal number into Go struct field SigningProfile.signing.profiles.usages of type string',
    ],
    [
      '{"signing":{"profiles":{"p":{"ca_constraint":{"max_path_len":1.5}}}}}',
      'json: cannot unmarshal number 1.5 into Go struct field CAConstraint.signing.profiles.ca_constraint.max_path_len of type int',
    ],
    [
      '{"signing":{"default":{"ca_constraint":{"max_path_len":1e2}}}}',
      'json: cannot unmarshal number 1e2 into Go struct field CAConstraint.signing.default.ca_constraint.max_path_len of type int',
    ],
    [
      '{"signing":{"default":{"ca_constraint":{"max_path_len":99999999999999999999}}}}',
      'json: cannot unmarshal number 99999999999999999999 into Go struct field CAConstraint.signing.default.ca_constraint.max_path_len of type int',
    ],
    [
      '{"signing":{"profiles":{"p":{"ca_constraint":"x"}}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.profiles.ca_constraint of type config.CAConstraint',
    ],
    ['{"signing":"x"}', 'json: cannot unmarshal string into Go struct field Config.signing of type config.Signing'],
    ['[]', 'json: cannot unmarshal array into Go value of type config.Config'],
    ['{"remotes":{"a":1}}', 'json: cannot unmarshal number into Go struct field Config.remotes of type string'],
    [
      '{"signing":{"default":{"Expiry":"1h"}}}',
      'json: cannot unmarshal string into Go struct field SigningProfile.signing.default.Expiry of type time.Duration',
    ],
    [
      '{"signing":{"default":{"Provider":1}}}',
      'json: cannot unmarshal number into Go struct field SigningProfile.signing.default.Provider of type auth.Provider',
    ],
    [
      '{"signing":{"default":{"ExtensionWhitelist":{"a":1}}}}',
      'json: cannot unmarshal number into Go struct field SigningProfile.signing.default.ExtensionWhitelist of type bool',
    ],
    // the path uses the field's JSON name, not the key as written
    [
      '{"signing":{"default":{"csrwhitelist":{"dnsnames":1}}}}',
      'json: cannot unmarshal number into Go struct field CSRWhitelist.signing.default.CSRWhitelist.DNSNames of type bool',
    ],
    [
      '{"signing":{"profiles":"x"}}',
      'json: cannot unmarshal string into Go struct field Signing.signing.profiles of type map[string]*config.SigningProfile',
    ],
  ])('reports %s like Go', (json, message) => {
    expect(errorOf(json)).toBe(message);
  });

  it('throws GoJsonUnmarshalTypeError with its parts', () => {
    let caught: unknown;
    try {
      decode('{"signing":{"default":{"usages":"x"}}}');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GoJsonUnmarshalTypeError);
    expect(caught).toMatchObject({ value: 'string', type: '[]string', struct: 'SigningProfile', field: 'signing.default.usages' });
  });

  it('reports the first type error but keeps decoding; an unmarshaler error aborts and wins', () => {
    expect(errorOf('{"signing":{"default":{"usages":[1], "expiry": 5}}}')).toBe(
      'json: cannot unmarshal number into Go struct field SigningProfile.signing.default.usages of type string',
    );
    expect(errorOf('{"signing":{"default":{"usages":5, "stamp":"bad"}}}')).toBe('bad stamp');
  });

  it('matches keys exactly first, then case-insensitively (with K and long s folding)', () => {
    const v = decode('{"SIGNING":{"Default":{"uſages":["a"],"EXPIRY":"1h","Expiry":5}}}') as GoStructValue;
    const def = (v.Signing as GoStructValue).Default as GoStructValue;
    expect(def.Usage).toEqual(['a']);
    expect(def.ExpiryString).toBe('1h');
    expect(def.Expiry).toBe(5n);
    // a key that folds to no field name is ignored
    const w = decode('{"signing":{"default":{"\u0131":1,"usages_":["x"]}}}') as GoStructValue;
    expect(((w.Signing as GoStructValue).Default as GoStructValue).Usage).toBeNull();
  });

  it('applies duplicate keys in order: scalars and slices replaced, structs and pointers merged, maps extended', () => {
    const v = decode(
      '{"signing":{"default":{"usages":["a","b"],"ca_constraint":{"is_ca":true},"usages":["c"],"ca_constraint":{"max_path_len":2}},' +
        '"profiles":{"p":{"expiry":"1h"}},"profiles":{"q":{"expiry":"2h"},"p":{"usages":["x"]}}},"signing":{"default":{"expiry":"3h"}}}',
    ) as GoStructValue;
    const sig = v.Signing as GoStructValue;
    const def = sig.Default as GoStructValue;
    expect(def.Usage).toEqual(['c']);
    expect(def.CAConstraint).toEqual({ IsCA: true, MaxPathLen: 2 });
    expect(def.ExpiryString).toBe('3h');
    const profiles = sig.Profiles as Map<string, GoStructValue>;
    expect([...profiles.keys()]).toEqual(['p', 'q']);
    // a map member is decoded into a fresh element: p lost its expiry
    expect(profiles.get('p')?.ExpiryString).toBe('');
    expect(profiles.get('p')?.Usage).toEqual(['x']);
  });

  it('handles null like Go', () => {
    const v = decode('{"signing":{"default":null,"profiles":{"p":null}},"remotes":null}') as GoStructValue;
    const sig = v.Signing as GoStructValue;
    expect(sig.Default).toBeNull();
    expect((sig.Profiles as Map<string, unknown>).get('p')).toBeNull();
    expect(v.Remotes).toBeNull();
    // null leaves structs and scalars alone; an empty array is not null
    const d = decode(
      '{"signing":{"default":{"usages":[],"expiry":"1h","ca_constraint":{"is_ca":true}}},"signing":{"default":{"expiry":null,"ca_constraint":null}}}',
    ) as GoStructValue;
    const def = (d.Signing as GoStructValue).Default as GoStructValue;
    expect(def.Usage).toEqual([]);
    expect(def.ExpiryString).toBe('1h');
    expect(def.CAConstraint).toEqual({ IsCA: true, MaxPathLen: 0 });
  });

  it('decodes into an existing value (merge into defaults) and reuses slice elements', () => {
    const key = goStructType('csr.KeyRequest', [goField('A', goStringType(), 'algo'), goField('S', goIntType(), 'size')]);
    const req = goStructType('csr.CertificateRequest', [
      goField('KeyRequest', goPointerType(key), 'key'),
      goField('Names', goSliceType(goStructType('csr.Name', [goField('C', goStringType()), goField('O', goStringType())])), 'names'),
    ]);
    const init = (): GoStructValue => ({ KeyRequest: { A: 'ecdsa', S: 256 }, Names: null });
    expect((decode('{"key":{"algo":"rsa"}}', req, init()) as GoStructValue).KeyRequest).toEqual({ A: 'rsa', S: 256 });
    expect((decode('{"key":null}', req, init()) as GoStructValue).KeyRequest).toBeNull();
    expect((decode('{"key":null,"key":{"algo":"rsa"}}', req, init()) as GoStructValue).KeyRequest).toEqual({ A: 'rsa', S: 0 });
    expect((decode('{"names":[{"C":"US"},{"C":"DE"}],"names":[{"O":"x"}]}', req, init()) as GoStructValue).Names).toEqual([
      { C: 'US', O: 'x' },
    ]);
    expect(errorOf('{"key":{"size":"x"}}', req)).toBe('json: cannot unmarshal string into Go struct field KeyRequest.key.size of type int');
    expect(errorOf('{"names":[{"C":1}]}', req)).toBe('json: cannot unmarshal number into Go struct field Name.names.C of type string');
  });

  it('decodes []byte from base64 and reports bad base64 without field context', () => {
    const ext = goStructType('pkix.Extension', [goField('Value', goBytesType())]);
    expect((decode('{"Value":"AQID"}', ext) as GoStructValue).Value).toEqual(new Uint8Array([1, 2, 3]));
    expect((decode('{"Value":[1,2]}', ext) as GoStructValue).Value).toEqual(new Uint8Array([1, 2]));
    expect(errorOf('{"Value":"AQ="}', ext)).toBe('illegal base64 data at input byte 3');
    expect(errorOf('{"Value":[256]}', ext)).toBe('json: cannot unmarshal number 256 into Go struct field Extension.Value of type uint8');
    expect(errorOf('{"Value":1}', ext)).toBe('json: cannot unmarshal number into Go struct field Extension.Value of type []uint8');
  });

  it('reports unknown and internal keys with their JSON paths', () => {
    const unknown: string[] = [];
    const internal: string[] = [];
    unmarshalGoJson(
      decodeGoJson(
        '{"signing":{"profiles":{"www":{"usage":[],"Expiry":1}}},"extra":{"a":1},"signing":{"default":{"ca_constraint":{"pathlen":1}}}}',
      ),
      config,
      zeroGoValue(config),
      { onUnknownKey: (p) => unknown.push(p), onInternalKey: (p) => internal.push(p) },
    );
    expect(unknown).toEqual(['signing.profiles.www.usage', 'extra', 'signing.default.ca_constraint.pathlen']);
    expect(internal).toEqual(['signing.profiles.www.Expiry']);
  });

  it('decodes empty interfaces to plain values', () => {
    const t = goStructType('x.T', [goField('Any', goInterfaceType('interface {}', true))]);
    expect((decode('{"Any":{"a":[1,"x",true,null],"a":2}}', t) as GoStructValue).Any).toEqual({ a: 2 });
  });
});
