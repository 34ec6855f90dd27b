import { describe, expect, it } from 'vitest';
import { LayoutError } from './layout-error.js';
import { parseLayoutSpec } from './parse-layout-spec.js';
import { etcdPreset } from './presets/etcd-preset.js';

const CONFIG = {
  signing: { default: { expiry: '8760h' }, profiles: { www: { expiry: '8760h', usages: ['signing', 'server auth', 'client auth'] } } },
};
const ROLE_CONFIG = {
  signing: {
    profiles: {
      server: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
      client: { expiry: '8760h', usages: ['signing', 'client auth'] },
      both: { expiry: '8760h', usages: ['signing', 'server auth', 'client auth'] },
      plain: { expiry: '8760h', usages: ['signing', 'key encipherment'] },
    },
  },
};

function problemsOf(text: string): readonly string[] {
  try {
    parseLayoutSpec(text, 'spec.json');
  } catch (error) {
    if (error instanceof LayoutError) {
      expect(error.code).toBe('ERR_LAYOUT_SPEC');
      expect(error.file).toBe('spec.json');
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected a LayoutError');
}

describe('parseLayoutSpec', () => {
  it('reads a preset written out as JSON back unchanged', () => {
    const spec = etcdPreset({ hosts: ['127.0.0.1'] });
    expect(parseLayoutSpec(JSON.stringify(spec))).toEqual(spec);
  });

  it('fills configFile, ca.base, csrFile and role defaults', () => {
    const spec = parseLayoutSpec(
      JSON.stringify({
        config: CONFIG,
        ca: { csr: { CN: 'my CA' } },
        certificates: [
          { base: 'web', profile: 'www', csr: { CN: 'web', hosts: ['web.example'] } },
          { base: 'bot', profile: 'www', csr: { CN: 'bot' } },
        ],
      }),
    );
    expect(spec.configFile).toBe('ca-config.json');
    expect(spec.ca).toEqual({ base: 'ca', csrFile: 'ca-csr.json', csr: { CN: 'my CA' } });
    expect(spec.certificates.map((c) => [c.csrFile, c.role])).toEqual([
      ['web-csr.json', 'peer'],
      ['bot-csr.json', 'client'],
    ]);
  });

  it('defaults role to the one cfssl-ts check reads: by name, else by the profile usages and the hosts', () => {
    const hosts = ['h.example'];
    const spec = parseLayoutSpec({
      config: ROLE_CONFIG,
      ca: { csr: { CN: 'CA' } },
      certificates: [
        { base: 'web', profile: 'server', csr: { CN: 'web', hosts } },
        { base: 'member', profile: 'both', csr: { CN: 'm', hosts } },
        { base: 'admin', profile: 'both', csr: { CN: 'admin' } },
        { base: 'bot', profile: 'client', csr: { CN: 'bot' } },
        { base: 'any', profile: 'plain', csr: { CN: 'any', hosts } },
        { base: 'etcd-server', profile: 'both', csr: { CN: 'e', hosts } },
        { base: 'server', profile: 'both', csr: { CN: 'etcd', hosts } },
      ],
    });
    expect(spec.certificates.map((c) => [c.base, c.role])).toEqual([
      ['web', 'server'],
      ['member', 'peer'],
      ['admin', 'client'],
      ['bot', 'client'],
      // no extended key usage: Go allows any use
      ['any', 'peer'],
      ['etcd-server', 'server'],
      ['server', 'peer'],
    ]);
  });

  it('refuses a role the profile cannot give, a role its name contradicts, and a server without hosts', () => {
    const problems = problemsOf(
      JSON.stringify({
        config: ROLE_CONFIG,
        ca: { csr: { CN: 'CA' } },
        certificates: [
          { base: 'web', profile: 'server', role: 'peer', csr: { CN: 'web', hosts: ['w'] } },
          { base: 'server', profile: 'server', csr: { CN: 'etcd', hosts: ['e'] } },
          { base: 'etcd-client', profile: 'both', role: 'server', csr: { CN: 'c' } },
          { base: 'api', profile: 'server', csr: { CN: 'api' } },
        ],
      }),
    );
    expect(problems).toEqual([
      'certificates[0].profile: a peer certificate needs "client auth" in the usages of profile "server"',
      'certificates[1].profile: a peer certificate needs "client auth" in the usages of profile "server"',
      'certificates[2].role: "etcd-client" names a client certificate (cfssl-ts check reads the role from the name): use role "client" or another base',
      'certificates[3].csr.hosts: a server certificate needs hosts (its SANs)',
    ]);
  });

  it('reports every problem at once: a config cfssl refuses, an unknown profile, a CA key cfssl would not make', () => {
    const problems = problemsOf(
      JSON.stringify({
        config: { signing: { profiles: { www: { expiry: '10y', usages: ['server auth'] } } } },
        ca: { csr: { CN: 'CA', key: { algo: 'rsa', size: 10 } } },
        certificates: [
          { base: 'a', profile: 'nope', csr: { CN: 'a', key: { algo: 'ecdsa', size: 255 } } },
          { base: 'b', csr: { CN: 'b' } },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^config: .*10y.*\(cfssl code 5200\)$/),
      'ca.csr.key: RSA key is too weak',
      'certificates[0].csr.key: invalid curve',
      'certificates[0].profile: no profile "nope" in config.signing.profiles (has: www)',
      'certificates[1].profile: must name a profile of "config"',
    ]);
  });

  it('reports every problem with its JSON path', () => {
    const problems = problemsOf(
      JSON.stringify({
        config: CONFIG,
        ca: { csr: { CN: 'my CA' }, bsae: 'x' },
        certificates: [
          { base: '../evil', profile: 'www', csr: { CN: 'x' } },
          { base: 'a', profile: 'nope', csr: { CN: 'a' }, role: 'admin' },
          { base: 'b', profile: 'www', csr: { CN: 7 } },
        ],
      }),
    );
    expect(problems).toEqual([
      'ca.bsae: unknown key (known: base, csrFile, csr)',
      `certificates[0].base: must be a plain file name (letters, digits, '.', '_', '-'), got "../evil"`,
      'certificates[1].profile: no profile "nope" in config.signing.profiles (has: www)',
      'certificates[1].role: must be one of server, client, peer',
      // Go encoding/json's text, as cfssl prints it for a CSR JSON
      'certificates[2].csr: json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string',
    ]);
  });

  it("reports a config cfssl would not load, in cfssl's words", () => {
    const problems = problemsOf(
      JSON.stringify({ config: { signing: { default: { expiry: '10y' } } }, ca: { csr: { CN: 'x' } }, certificates: [] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^config: /);
  });

  it('refuses two entries that would write the same file', () => {
    const problems = problemsOf(
      JSON.stringify({
        config: CONFIG,
        ca: { csr: { CN: 'x' } },
        certificates: [
          { base: 'a', profile: 'www', csr: { CN: 'a' } },
          { base: 'a', profile: 'www', csr: { CN: 'a' } },
        ],
      }),
    );
    expect(problems[0]).toBe('(files): two entries write a-csr.json');
  });

  it('refuses text that is not JSON, and JSON that is not an object', () => {
    expect(problemsOf('{')[0]).toMatch(/^not valid JSON: /);
    expect(problemsOf('[]')).toEqual(['must be a JSON object with "config", "ca" and "certificates"']);
    expect(problemsOf('{}')).toEqual([
      'config: must be the ca-config.json object ({"signing": {...}})',
      'ca: must be an object with "csr" (and optionally "base", "csrFile")',
      'certificates: must be an array (it may be empty)',
    ]);
  });
});

describe('parseLayoutSpec given an object', () => {
  it('fills the defaults SPEC.json may omit, as for its text', () => {
    const input = {
      config: CONFIG,
      ca: { csr: { CN: 'my CA' } },
      certificates: [{ base: 'web', profile: 'www', csr: { CN: 'web', hosts: ['web.example'] } }],
    };
    const spec = parseLayoutSpec(input, 'my program');
    expect(spec).toEqual(parseLayoutSpec(JSON.stringify(input)));
    expect(spec.configFile).toBe('ca-config.json');
    expect(spec.ca).toMatchObject({ base: 'ca', csrFile: 'ca-csr.json' });
    expect(spec.certificates[0]).toMatchObject({ csrFile: 'web-csr.json', role: 'peer' });
  });

  it('reports problems with their JSON path', () => {
    const input = { config: CONFIG, ca: { csr: { CN: 7 } }, certificates: [{ base: 'web', profile: 'nope', csr: {} }] };
    expect(() => parseLayoutSpec(input, 'my program')).toThrow(LayoutError);
    try {
      parseLayoutSpec(input, 'my program');
    } catch (error) {
      expect((error as LayoutError).problems).toEqual([
        'ca.csr: json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string',
        'certificates[0].profile: no profile "nope" in config.signing.profiles (has: www)',
      ]);
    }
  });
});
