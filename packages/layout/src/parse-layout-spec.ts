// SPEC.json for `cfssl-ts layout`: parse, fill defaults, validate; every problem reported with its JSON path.
import { CfsslError, parseConfig, parseCsrRequest, resolveUsages, type KeySpec } from '@cfssl-ts/core';
import { roleByName, roleOf } from './_internal/certificate-role.js';
import { layoutFileNames } from './layout-file-names.js';
import { LayoutError } from './layout-error.js';
import type { CertificateRole, LayoutCaSpec, LayoutCertificateSpec, LayoutSpec, LayoutSpecInput } from './layout-spec.js';

const ROLES: readonly CertificateRole[] = ['server', 'client', 'peer'];
// The profile usages each role needs (cfssl usage names; checkLayout asks the certificate for the same EKUs)
const ROLE_USAGES: Readonly<Record<CertificateRole, readonly string[]>> = {
  server: ['server auth'],
  client: ['client auth'],
  peer: ['server auth', 'client auth'],
};
// A profile's usages by profile name (null: the config does not load, usages unknown)
type Profiles = ReadonlyMap<string, readonly string[] | null>;
// A file name inside the layout directory: no separators, no leading dot.
const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// cfssl csr.KeyRequest.Generate's refusals (code 2400), found here so they are reported with the other problems
function keyProblem(key: KeySpec): string | null {
  if (key.algo === 'rsa') return key.size < 2048 ? 'RSA key is too weak' : key.size > 8192 ? 'RSA key size too large' : null;
  if (key.algo === 'ecdsa') return [256, 384, 521].includes(key.size) ? null : 'invalid curve';
  return key.algo === 'ed25519' ? null : 'invalid algorithm';
}

// Whether a certificate signed under these usages allows the extended key usage: named, "any", or no EKU extension at all (Go)
function gives(usages: readonly string[], usage: string): boolean {
  const ekus = resolveUsages(usages).extKeyUsages;
  return ekus.length === 0 || ekus.includes('2.5.29.37.0') || ekus.includes(resolveUsages([usage]).extKeyUsages[0] ?? '');
}

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
  unknownKeys(value: Json, path: string, known: readonly string[]): void {
    for (const key of Object.keys(value)) if (!known.includes(key)) this.add(`${path}.${key}`, `unknown key (known: ${known.join(', ')})`);
  }
  fileName(value: unknown, path: string, fallback: string | undefined): string {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string' || !PLAIN_FILE_NAME.test(value)) {
      this.add(
        path,
        `must be a plain file name (letters, digits, '.', '_', '-'), got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      );
      return fallback ?? '';
    }
    return value;
  }
  csr(value: unknown, path: string): Json {
    if (!isObject(value)) {
      this.add(path, 'must be a CSR JSON object (cfssl CSRJSON: CN, hosts, key, names)');
      return {};
    }
    try {
      const problem = keyProblem(parseCsrRequest(value).key);
      if (problem !== null) this.add(`${path}.key`, problem);
    } catch (error) {
      this.add(path, messageOf(error));
    }
    return value;
  }
}

function parseCa(value: unknown, problems: Problems): LayoutCaSpec {
  if (!isObject(value)) {
    problems.add('ca', 'must be an object with "csr" (and optionally "base", "csrFile")');
    return { base: 'ca', csrFile: 'ca-csr.json', csr: {} };
  }
  problems.unknownKeys(value, 'ca', ['base', 'csrFile', 'csr']);
  const base = problems.fileName(value.base, 'ca.base', 'ca');
  const csrFile = problems.fileName(value.csrFile, 'ca.csrFile', `${base}-csr.json`);
  return { base, csrFile, csr: problems.csr(value.csr, 'ca.csr') };
}

function parseCertificate(value: unknown, path: string, profiles: Profiles | null, problems: Problems): LayoutCertificateSpec {
  if (!isObject(value)) {
    problems.add(path, 'must be an object with "base", "profile" and "csr"');
    return { base: '', csrFile: '', csr: {}, profile: '', role: 'server' };
  }
  problems.unknownKeys(value, path, ['base', 'csrFile', 'csr', 'profile', 'role']);
  const base = problems.fileName(value.base, `${path}.base`, undefined);
  const csrFile = problems.fileName(value.csrFile, `${path}.csrFile`, `${base}-csr.json`);
  const csr = problems.csr(value.csr, `${path}.csr`);
  let profile = '';
  if (typeof value.profile !== 'string' || value.profile === '') problems.add(`${path}.profile`, 'must name a profile of "config"');
  else if (profiles !== null && !profiles.has(value.profile)) {
    problems.add(
      `${path}.profile`,
      `no profile ${JSON.stringify(value.profile)} in config.signing.profiles (has: ${[...profiles.keys()].join(', ') || 'none'})`,
    );
  } else profile = value.profile;
  const hasHosts = Array.isArray(csr.hosts) && csr.hosts.length > 0;
  const usages = profiles?.get(profile) ?? null;
  // The role checkLayout will read from the certificate: by name, else by the profile's usages and the hosts
  let role: CertificateRole = roleOf(
    base,
    usages !== null && gives(usages, 'server auth'),
    usages !== null && gives(usages, 'client auth'),
    hasHosts,
  );
  if (value.role !== undefined) {
    const named = roleByName(base);
    if (!ROLES.includes(value.role as CertificateRole)) problems.add(`${path}.role`, `must be one of ${ROLES.join(', ')}`);
    else if (named !== undefined && named !== value.role) {
      problems.add(
        `${path}.role`,
        `"${base}" names a ${named} certificate (cfssl-ts check reads the role from the name): use role "${named}" or another base`,
      );
    } else role = value.role as CertificateRole;
  }
  const missing = usages === null ? [] : ROLE_USAGES[role].filter((usage) => !gives(usages, usage));
  if (missing.length > 0) {
    problems.add(
      `${path}.profile`,
      `a ${role} certificate needs ${missing.map((u) => JSON.stringify(u)).join(' and ')} in the usages of profile ${JSON.stringify(profile)}`,
    );
  }
  // Go verifies a server's name against its SANs only; checkLayout reports the same
  if (role !== 'client' && !hasHosts && isObject(value.csr))
    problems.add(`${path}.csr.hosts`, `a ${role} certificate needs hosts (its SANs)`);
  return { base, csrFile, csr, profile, role };
}

// The profiles of a config and their usages; when cfssl would not load it, a problem, and the profile names alone
// so that every certificate's profile is still checked.
function profilesOf(config: Json, problems: Problems): Profiles | null {
  try {
    return new Map([...parseConfig(JSON.stringify(config)).policy.profiles].map(([name, p]) => [name, p.usages]));
  } catch (error) {
    const text = error instanceof CfsslError && !error.plain ? `${error.message} (cfssl code ${error.cfsslCode})` : messageOf(error);
    problems.add('config', text);
    const signing = config.signing;
    const raw = isObject(signing) && isObject(signing.profiles) ? signing.profiles : null;
    return raw === null ? null : new Map(Object.keys(raw).map((name) => [name, null]));
  }
}

/**
 * Parse a layout spec (the SPEC.json of `cfssl-ts layout`):
 *
 * ```json
 * { "configFile": "ca-config.json", "config": { "signing": { ... } },
 *   "ca": { "base": "ca", "csrFile": "ca-csr.json", "csr": { "CN": "my CA", ... } },
 *   "certificates": [ { "base": "server", "profile": "www", "role": "peer", "csr": { "CN": "etcd", "hosts": [...] } } ] }
 * ```
 *
 * `configFile` defaults to `ca-config.json`, `ca.base` to `ca`, each `csrFile` to
 * `<base>-csr.json`, `role` to the role `cfssl-ts check` reads from the certificate (`server`, `peer`
 * or `client`: the tutorials' names and names ending so, else by the profile's usages: `server auth`
 * and `client auth` with hosts is `peer`, without hosts `client`; `server auth` alone `server`).
 * `config` must load as cfssl loads `ca-config.json` and each `csr` as cfssl reads CSR JSON, with a key
 * cfssl would generate; every `profile` (required) must be a profile of `config` whose usages give the role. All problems are collected and thrown together as a
 * {@link LayoutError} (`ERR_SPEC`), each prefixed with its JSON path. An object ({@link LayoutSpecInput})
 * is taken through JSON first (`JSON.stringify`, then parsed as the text would be), so it gets the same
 * defaults, checks and messages.
 *
 * @example
 * const spec = parseLayoutSpec(await readFile('spec.json', 'utf8'), 'spec.json');
 * const same = parseLayoutSpec({ config, ca: { csr: { CN: 'my CA' } }, certificates: [] }, 'my program');
 */
export function parseLayoutSpec(input: string | LayoutSpecInput, source = 'SPEC.json'): LayoutSpec {
  let root: unknown;
  try {
    root = JSON.parse(typeof input === 'string' ? input : JSON.stringify(input));
  } catch (error) {
    const what = typeof input === 'string' ? 'not valid JSON' : 'not representable as JSON';
    throw new LayoutError('ERR_LAYOUT_SPEC', source, [`${what}: ${messageOf(error)}`], error);
  }
  const problems = new Problems();
  if (!isObject(root)) throw new LayoutError('ERR_LAYOUT_SPEC', source, ['must be a JSON object with "config", "ca" and "certificates"']);
  problems.unknownKeys(root, '', ['configFile', 'config', 'ca', 'certificates']);
  const configFile = problems.fileName(root.configFile, 'configFile', 'ca-config.json');
  let config: Json = {};
  let profiles: Profiles | null = null;
  if (isObject(root.config)) {
    config = root.config;
    profiles = profilesOf(config, problems);
  } else problems.add('config', 'must be the ca-config.json object ({"signing": {...}})');
  const ca = parseCa(root.ca, problems);
  const certificates: LayoutCertificateSpec[] = [];
  if (!Array.isArray(root.certificates)) problems.add('certificates', 'must be an array (it may be empty)');
  else root.certificates.forEach((entry, i) => certificates.push(parseCertificate(entry, `certificates[${i}]`, profiles, problems)));

  const spec: LayoutSpec = { configFile, config, ca, certificates };
  if (problems.list.length === 0) {
    const seen = new Set<string>();
    for (const name of layoutFileNames(spec)) {
      if (seen.has(name)) problems.add('(files)', `two entries write ${name}`);
      seen.add(name);
    }
  }
  if (problems.list.length > 0)
    throw new LayoutError(
      'ERR_LAYOUT_SPEC',
      source,
      problems.list.map((p) => p.replace(/^\./, '')),
    );
  return spec;
}
