// SPEC.json for `cfssl-ts layout`: parse, fill defaults, validate; every problem reported with its JSON path.
import { CfsslError, parseConfig, parseCsrRequest } from '@cfssl-ts/core';
import { layoutFileNames } from './layout-file-names.js';
import { LayoutError } from './layout-error.js';
import type { CertificateRole, LayoutCaSpec, LayoutCertificateSpec, LayoutSpec, LayoutSpecInput } from './layout-spec.js';

const ROLES: readonly CertificateRole[] = ['server', 'client', 'peer'];
// A file name inside the layout directory: no separators, no leading dot.
const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
      parseCsrRequest(value);
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

function parseCertificate(value: unknown, path: string, profiles: ReadonlySet<string> | null, problems: Problems): LayoutCertificateSpec {
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
      `no profile ${JSON.stringify(value.profile)} in config.signing.profiles (has: ${[...profiles].join(', ') || 'none'})`,
    );
  } else profile = value.profile;
  const hosts = Array.isArray(csr.hosts) ? csr.hosts : [];
  let role: CertificateRole = hosts.length > 0 ? 'server' : 'client';
  if (value.role !== undefined) {
    if (ROLES.includes(value.role as CertificateRole)) role = value.role as CertificateRole;
    else problems.add(`${path}.role`, `must be one of ${ROLES.join(', ')}`);
  }
  return { base, csrFile, csr, profile, role };
}

// The profile names of a valid config, or null (and a problem) when cfssl would not load it.
function profileNames(config: Json, problems: Problems): ReadonlySet<string> | null {
  try {
    return new Set(parseConfig(JSON.stringify(config)).policy.profiles.keys());
  } catch (error) {
    const text = error instanceof CfsslError && !error.plain ? `${error.message} (cfssl code ${error.cfsslCode})` : messageOf(error);
    problems.add('config', text);
    return null;
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
 * `<base>-csr.json`, `role` to `server` when the CSR has hosts and `client` otherwise. `config`
 * must load as cfssl loads `ca-config.json` and each `csr` as cfssl reads CSR JSON; every
 * `profile` must be a profile of `config`. All problems are collected and thrown together as a
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
  let profiles: ReadonlySet<string> | null = null;
  if (isObject(root.config)) {
    config = root.config;
    profiles = profileNames(config, problems);
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
