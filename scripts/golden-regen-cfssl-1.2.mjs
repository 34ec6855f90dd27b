#!/usr/bin/env node
// Regenerates fixtures/golden/cfssl-1.2/ with the real cfssl 1.2 from Debian's golang-cfssl
// (`pnpm golden:regen`). Every file a case holds is either an input this script writes, a copy of
// another case's output, or the bytes cfssl / cfssljson / openssl printed; MANIFEST.json records
// which, with the exact command, and a SHA-256 per file.
//
// The manifest pins the tool: when fixtures/golden/cfssl-1.2/MANIFEST.json exists and the installed
// `cfssl version` prints anything else, the script refuses to run (delete the manifest on purpose
// to move the corpus to another build). Case layout and tiers: fixtures/golden/cfssl-1.2/README.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'fixtures', 'golden', 'cfssl-1.2');
const MANIFEST = join(CORPUS, 'MANIFEST.json');
const SCRIPT = 'scripts/golden-regen-cfssl-1.2.mjs';
const TOOL = 'cfssl 1.2 (Debian golang-cfssl)';
const ENV = { ...process.env, TZ: 'UTC' };

// ---------------------------------------------------------------------------------------------
// Inputs. The etcd and Kubernetes files are the tutorials' own; the rest pin validity through the
// profile (not_before/not_after) so that the clock has no effect.

const RSA2048 = { algo: 'rsa', size: 2048 };
const PINNED = { not_before: '2026-01-01T00:00:00Z', not_after: '2031-01-01T00:00:00Z' };
const SERVER_USAGES = ['signing', 'key encipherment', 'server auth'];

const ETCD_CA_CONFIG = {
  signing: {
    default: { expiry: '87600h' },
    profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
  },
};
const ETCD_CA_CSR = { CN: 'etcd CA', key: RSA2048, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] };
const ETCD_SERVER_CSR = {
  CN: 'etcd',
  hosts: ['127.0.0.1', '192.168.31.63', '192.168.31.65', '192.168.31.66'],
  key: RSA2048,
  names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
};

const K8S_CA_CONFIG = {
  signing: {
    default: { expiry: '87600h' },
    profiles: { kubernetes: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
  },
};
const k8sNames = (O) => [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing', O, OU: 'System' }];
const K8S_CA_CSR = { CN: 'kubernetes', key: RSA2048, names: k8sNames('k8s') };
const K8S_SERVER_CSR = {
  CN: 'kubernetes',
  hosts: [
    '10.0.0.1',
    '127.0.0.1',
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc',
    'kubernetes.default.svc.cluster',
    'kubernetes.default.svc.cluster.local',
  ],
  key: RSA2048,
  names: k8sNames('k8s'),
};
const K8S_ADMIN_CSR = { CN: 'admin', hosts: [], key: RSA2048, names: k8sNames('system:masters') };
const K8S_PROXY_CSR = { CN: 'system:kube-proxy', hosts: [], key: RSA2048, names: k8sNames('k8s') };

/** A config whose profile `name` has pinned validity plus `extra` fields. */
const pinnedConfig = (name, extra = {}) => ({
  signing: { profiles: { [name]: { usages: SERVER_USAGES, expiry: '8760h', ...PINNED, ...extra } } },
});
const LEAF_CSR = {
  CN: 'leaf.golden.test',
  hosts: ['leaf.golden.test', '10.20.30.40'],
  key: RSA2048,
  names: [{ C: 'DE', ST: 'Berlin', L: 'Berlin', O: 'Golden Test', OU: 'PKI' }],
};
const signCase = (id, config, profile, extra = {}) => ({
  id,
  ca: 'etcd-ca',
  files: { 'config.json': config },
  csr: { json: LEAF_CSR },
  cmd: ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', profile, 'leaf.csr'],
  ...extra,
});
const gencertCase = (id, csrJson, config, profile, extra = {}) => ({
  id,
  ca: 'etcd-ca',
  files: { 'config.json': config, 'csr.json': csrJson },
  cmd: ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', profile, 'csr.json'],
  ...extra,
});

// A case: id, files (name -> JSON value or string), ca (case whose cert.pem/key.pem become
// ca.pem/ca-key.pem), csr ({json} made by `cfssl genkey`, or {openssl: subject}) saved as leaf.csr,
// copyCertWithShortKeyIdByte (for certinfo), cmd, quirk, v165 (the documented 1.2 -> 1.6.5 difference).
const CASES = [
  // etcd binary-install tutorial.
  { id: 'etcd-ca', files: { 'ca-csr.json': ETCD_CA_CSR }, cmd: ['gencert', '-initca', 'ca-csr.json'] },
  {
    id: 'etcd-server',
    ca: 'etcd-ca',
    files: { 'ca-config.json': ETCD_CA_CONFIG, 'server-csr.json': ETCD_SERVER_CSR },
    cmd: ['gencert', '-ca=ca.pem', '-ca-key=ca-key.pem', '-config=ca-config.json', '-profile=www', 'server-csr.json'],
  },
  // Kubernetes binary-install tutorial.
  { id: 'k8s-ca', files: { 'ca-csr.json': K8S_CA_CSR }, cmd: ['gencert', '-initca', 'ca-csr.json'] },
  ...[
    ['k8s-apiserver', 'server-csr.json', K8S_SERVER_CSR, null],
    ['k8s-admin', 'admin-csr.json', K8S_ADMIN_CSR, 'no hosts: cfssl logs the CA/B Forum hosts warning and still exits 0'],
    ['k8s-kube-proxy', 'kube-proxy-csr.json', K8S_PROXY_CSR, 'no hosts: cfssl logs the CA/B Forum hosts warning and still exits 0'],
  ].map(([id, file, json, quirk]) => ({
    id,
    ca: 'k8s-ca',
    files: { 'ca-config.json': K8S_CA_CONFIG, [file]: json },
    cmd: ['gencert', '-ca=ca.pem', '-ca-key=ca-key.pem', '-config=ca-config.json', '-profile=kubernetes', file],
    quirk,
  })),

  // initca variants.
  {
    id: 'initca-ecdsa256-pathlen1',
    files: {
      'ca-csr.json': {
        CN: 'Golden EC Root',
        key: { algo: 'ecdsa', size: 256 },
        names: [{ C: 'DE', O: 'Golden Test' }],
        ca: { pathlen: 1, expiry: '131400h' },
      },
    },
    cmd: ['gencert', '-initca', 'ca-csr.json'],
  },
  {
    id: 'initca-rsa-pathlenzero-hosts',
    files: {
      'ca-csr.json': {
        CN: 'Golden Issuing CA',
        hosts: ['ca.golden.test', '10.1.1.1'],
        key: RSA2048,
        names: [{ C: 'DE', O: 'Zed' }, { O: 'Alpha' }, { OU: 'Bb' }, { OU: 'A' }],
        ca: { pathlen: 0, pathlenzero: true },
      },
    },
    cmd: ['gencert', '-initca', 'ca-csr.json'],
    quirk: 'a CA keeps IP SANs and drops DNS SANs; several O/OU values make multi-valued RDNs',
  },

  // Signing and profiles (validity pinned unless the case is about time).
  {
    id: 'sign-no-config-builtin-default',
    ca: 'etcd-ca',
    csr: { json: LEAF_CSR },
    cmd: ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', 'leaf.csr'],
  },
  signCase(
    'sign-expiry-2h45m-backdate-10m',
    { signing: { profiles: { short: { usages: SERVER_USAGES, expiry: '2h45m', backdate: '10m' } } } },
    'short',
  ),
  signCase('sign-hostname-override', pinnedConfig('server'), 'server', {
    cmd: [
      'sign',
      '-ca',
      'ca.pem',
      '-ca-key',
      'ca-key.pem',
      '-config',
      'config.json',
      '-profile',
      'server',
      '-hostname',
      'override.golden.test,10.9.8.7,ops@golden.test',
      'leaf.csr',
    ],
  }),
  signCase('sign-hosts-mixed', pinnedConfig('server'), 'server', {
    csr: {
      json: {
        ...LEAF_CSR,
        hosts: [
          '*.golden.test',
          'b.golden.test',
          '2001:db8::1',
          '::ffff:10.0.0.1',
          'ops@golden.test',
          'Ops Team <team@golden.test>',
          '192.0.2.7',
        ],
      },
    },
    quirk: '::ffff:a.b.c.d is encoded as a 4-byte IP; "Name <addr>" keeps only the address',
  }),
  signCase(
    'sign-ku-eku-all-names',
    pinnedConfig('all', {
      usages: [
        'signing',
        'digital signature',
        'key encipherment',
        'data encipherment',
        'key agreement',
        'cert sign',
        'crl sign',
        'encipher only',
        'decipher only',
        'any',
        'server auth',
        'client auth',
        'code signing',
        'email protection',
        's/mime',
        'ipsec end system',
        'ipsec tunnel',
        'ipsec user',
        'timestamping',
        'ocsp signing',
        'microsoft sgc',
        'netscape sgc',
        'server auth',
      ],
    }),
    'all',
    { quirk: 'duplicate EKU names are kept' },
  ),
  signCase(
    'sign-aia-crl-ocsp-no-check',
    pinnedConfig('urls', {
      issuer_urls: ['http://ca.golden.test/ca.crt', 'http://ca2.golden.test/ca.crt'],
      ocsp_url: 'http://ocsp.golden.test',
      crl_url: 'http://crl.golden.test/ca.crl',
      ocsp_no_check: true,
    }),
    'urls',
  ),
  signCase(
    'sign-policies-cps-unotice',
    pinnedConfig('pol', {
      Policies: [
        {
          ID: '1.3.6.1.4.1.32473.1.1',
          Qualifiers: [
            { Type: 'id-qt-cps', Value: 'http://cps.golden.test' },
            { Type: 'id-qt-unotice', Value: 'Golden test policy' },
          ],
        },
        { ID: '2.23.140.1.2.1' },
      ],
    }),
    'pol',
  ),
  signCase(
    'sign-ca-constraint-pathlen1',
    pinnedConfig('inter', { usages: ['cert sign', 'crl sign'], ca_constraint: { is_ca: true, max_path_len: 1 } }),
    'inter',
  ),
  signCase(
    'sign-pinned-validity-generalizedtime',
    pinnedConfig('long', { not_before: '2049-12-31T23:00:00Z', not_after: '2051-06-01T00:00:00Z' }),
    'long',
    {
      quirk: 'notBefore stays UTCTime (2049), notAfter becomes GeneralizedTime (2051)',
    },
  ),
  {
    id: 'sign-under-ecdsa-ca',
    ca: 'initca-ecdsa256-pathlen1',
    files: { 'config.json': pinnedConfig('server') },
    csr: { json: LEAF_CSR },
    cmd: ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'leaf.csr'],
  },
  gencertCase(
    'gencert-multi-o-utf8-names',
    {
      CN: 'utf8.golden.test',
      hosts: ['utf8.golden.test'],
      key: RSA2048,
      names: [{ C: 'CH', L: 'Zürich', O: 'Zed' }, { O: 'Alpha' }, { O: 'R&D_team' }, { OU: 'ops@golden' }],
    },
    pinnedConfig('server'),
    'server',
    {
      quirk: 'non-PrintableString characters (ü, &, _, @) force UTF8String; same-type values form one DER-sorted RDN',
    },
  ),
  gencertCase('gencert-default-ecdsa-key', { CN: 'ec.golden.test', hosts: ['ec.golden.test'] }, pinnedConfig('server'), 'server', {
    quirk: 'no key section: ECDSA P-256 key under an RSA CA',
  }),
  gencertCase('gencert-cn-override', LEAF_CSR, pinnedConfig('server'), 'server', {
    cmd: [
      'gencert',
      '-ca',
      'ca.pem',
      '-ca-key',
      'ca-key.pem',
      '-config',
      'config.json',
      '-profile',
      'server',
      '-cn',
      'override-cn.golden.test',
      'csr.json',
    ],
  }),
  gencertCase('gencert-empty-subject-critical-san', { hosts: ['nosubject.golden.test'], key: RSA2048 }, pinnedConfig('server'), 'server', {
    quirk: 'an empty subject makes the SAN extension critical',
  }),

  // Errors.
  signCase('cfg-not-json', 'signing: true\n', 'server'),
  signCase('cfg-default-without-expiry', { signing: { default: { usages: SERVER_USAGES } } }, 'server'),
  signCase('cfg-expiry-unknown-unit', { signing: { default: { usages: SERVER_USAGES, expiry: '1y' } } }, 'server'),
  signCase('cfg-profile-only-unknown-usages', { signing: { profiles: { server: { usages: ['frobnicate'], expiry: '1h' } } } }, 'server'),
  signCase('sign-default-without-usages-5100', { signing: { default: { expiry: '168h' } } }, 'server'),
  signCase('sign-name-whitelist-fail', pinnedConfig('server', { name_whitelist: '\\.other\\.test$' }), 'server'),
  signCase('sign-ca-csr-under-non-ca-profile', pinnedConfig('server'), 'server', {
    csr: { json: { CN: 'Rogue Intermediate', key: RSA2048, ca: { pathlen: 1 } }, initca: true },
  }),
  {
    id: 'csr-rsa-too-weak',
    files: { 'csr.json': { CN: 'weak', key: { algo: 'rsa', size: 1024 } } },
    cmd: ['gencert', '-initca', 'csr.json'],
  },
  {
    id: 'csr-ca-section-without-initca',
    files: { 'csr.json': { CN: 'x', key: RSA2048, ca: { pathlen: 1 } } },
    cmd: ['genkey', 'csr.json'],
  },
  { id: 'unknown-flag-exit-2', files: { 'csr.json': ETCD_CA_CSR }, cmd: ['gencert', '-initca', '-frobnicate', 'csr.json'] },
  {
    id: 'gencert-without-ca-key-exits-0',
    ca: 'etcd-ca',
    files: { 'csr.json': LEAF_CSR },
    cmd: ['gencert', '-ca', 'ca.pem', 'csr.json'],
    quirk: 'missing -ca-key only logs an error: exit 0, empty stdout',
  },

  // Documented 1.2 -> 1.6.5 differences (reference §11); the replay suite asserts each one.
  signCase(
    'usage-content-committment-1.2-spelling',
    pinnedConfig('cc', { usages: ['digital signature', 'content committment', 'server auth'] }),
    'cc',
    {
      v165: {
        area: 'usage spelling',
        cfssl_1_2: 'only `content committment` sets contentCommitment (nonRepudiation)',
        cfssl_1_6_5:
          "only `content commitment` is known; cfssl-ts also accepts 1.2's spelling (docs/compat.md), so the 1.2 bytes are expected",
        check: 'same-bytes-as-1.2',
      },
    },
  ),
  signCase(
    'usage-content-commitment-1.6-spelling',
    pinnedConfig('cc', { usages: ['digital signature', 'content commitment', 'server auth'] }),
    'cc',
    {
      v165: {
        area: 'usage spelling',
        cfssl_1_2: '`content commitment` is an unknown usage and is ignored: keyUsage is digitalSignature only',
        cfssl_1_6_5: 'keyUsage is digitalSignature + contentCommitment',
        check: 'key-usage-adds-content-commitment',
      },
    },
  ),
  gencertCase(
    'hosts-uri-looking',
    {
      CN: 'uri.golden.test',
      hosts: ['www.golden.test', 'https://app.golden.test/p', 'spiffe://golden.test/ns/default/sa/web', 'db.golden.test:5432', '10.1.2.3'],
      key: RSA2048,
      names: [{ C: 'DE', O: 'Golden Test' }],
    },
    pinnedConfig('server'),
    'server',
    {
      v165: {
        area: 'URI-looking hosts',
        cfssl_1_2: 'every host that is not an IP or an email is a DNS SAN',
        cfssl_1_6_5: 'hosts accepted by Go url.ParseRequestURI are URI SANs, encoded after the IPs (CSR and certificate)',
        check: 'uri-hosts-become-uri-sans',
      },
    },
  ),
  {
    id: 'sign-openssl-csr-email-attribute',
    ca: 'etcd-ca',
    files: { 'config.json': pinnedConfig('server') },
    csr: { openssl: '/C=DE/O=Golden Test/CN=mail.golden.test/emailAddress=admin@golden.test' },
    cmd: ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'leaf.csr'],
    v165: {
      area: 'non-standard subject attributes in CSR',
      cfssl_1_2: 'the emailAddress attribute of the CSR subject is dropped',
      cfssl_1_6_5: 'emailAddress is kept as its own RDN after CN/serialNumber, re-encoded (UTF8String, since @ is not printable)',
      check: 'subject-keeps-extra-attributes',
    },
  },
  gencertCase(
    'gencert-names-e-oid',
    {
      CN: 'names.golden.test',
      hosts: ['names.golden.test'],
      key: RSA2048,
      names: [{ C: 'DE', O: 'Golden Test', E: 'pki@golden.test', OID: { '1.3.6.1.4.1.32473.7': 'team-a' } }],
    },
    pinnedConfig('server'),
    'server',
    {
      v165: {
        area: 'CSR JSON names[].E / names[].OID',
        cfssl_1_2: 'E and OID are unknown keys and are ignored',
        cfssl_1_6_5: 'each becomes its own RDN after CN: the OID attribute, then emailAddress (CSR and certificate)',
        check: 'subject-gains-names-oid-and-e',
      },
    },
  ),
  {
    id: 'initca-ed25519-invalid-algorithm',
    files: { 'ca-csr.json': { CN: 'Golden Ed25519 Root', key: { algo: 'ed25519' }, names: [{ C: 'DE', O: 'Golden Test' }] } },
    cmd: ['gencert', '-initca', 'ca-csr.json'],
    v165: {
      area: 'key algorithms',
      cfssl_1_2: '{"code":2400,"message":"invalid algorithm"}',
      cfssl_1_6_5: 'an Ed25519 root with an `Ed25519 PRIVATE KEY` PEM',
      check: 'ed25519-supported',
    },
  },
  {
    id: 'gencert-initca-extra-positional-arg',
    files: { 'ca-csr.json': ETCD_CA_CSR },
    cmd: ['gencert', '-initca', 'ca-csr.json', 'extra-ignored.json'],
    v165: {
      area: 'extra positional args',
      cfssl_1_2: 'ignored (extra-ignored.json does not exist and is never opened)',
      cfssl_1_6_5: 'rejected: `only one argument is accepted, please check with usage`, exit 1',
      check: 'extra-args-rejected',
    },
  },
  signCase('sign-extra-positional-arg', pinnedConfig('server'), 'server', {
    files: {
      'config.json': pinnedConfig('server'),
      'subject.json': { CN: 'subject-override.golden.test', names: [{ O: 'Override Org' }] },
    },
    cmd: [
      'sign',
      '-ca',
      'ca.pem',
      '-ca-key',
      'ca-key.pem',
      '-config',
      'config.json',
      '-profile',
      'server',
      'leaf.csr',
      'subject.json',
      'extra-ignored',
    ],
    v165: {
      area: 'extra positional args',
      cfssl_1_2: 'CSR and SUBJECT are used, the third argument is ignored',
      cfssl_1_6_5: 'rejected: `too many arguments are provided, please check with usage`, exit 1',
      check: 'extra-args-rejected',
    },
  }),
  signCase('sign-file-prefix-paths', pinnedConfig('server'), 'server', {
    cmd: ['sign', '-ca', 'file:ca.pem', '-ca-key', 'file:ca-key.pem', '-config', 'config.json', '-profile', 'server', 'leaf.csr'],
    v165: {
      area: 'file args',
      cfssl_1_2: '`file:ca.pem` is a plain path: open fails',
      cfssl_1_6_5: '`file:PATH` reads PATH: the certificate is issued',
      check: 'file-prefix-read',
      plain_cmd: ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'leaf.csr'],
    },
  }),
  {
    id: 'selfsign-csr-sans-dropped',
    files: {
      'csr.json': { CN: 'self.golden.test', hosts: ['self.golden.test', '10.0.0.9'], key: RSA2048, names: [{ C: 'DE', O: 'Golden Test' }] },
    },
    cmd: ['selfsign', 'self.golden.test', 'csr.json'],
    v165: {
      area: 'selfsign',
      cfssl_1_2: 'the certificate has no SANs although the CSR requests them',
      cfssl_1_6_5: 'every CSR-requested extension is copied verbatim: the SAN follows the SKI',
      check: 'selfsign-copies-csr-extensions',
    },
  },
  {
    id: 'certinfo-unpadded-key-ids',
    copyCertWithShortKeyIdByte: 'leaf.pem',
    cmd: ['certinfo', '-cert', 'leaf.pem'],
    v165: {
      area: 'certinfo key ids',
      cfssl_1_2: 'key id bytes below 0x10 are printed without a leading zero',
      cfssl_1_6_5: 'every key id byte is two hex digits (%02X)',
      check: 'certinfo-key-ids-padded',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Tools.

function run(cmd, args, { cwd, input } = {}) {
  const r = spawnSync(cmd, args, { cwd, input, env: ENV, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function mustRun(cmd, args, opts) {
  const r = run(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r;
}

const shellWord = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const shell = (argv) => argv.map(shellWord).join(' ');
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const toJsonText = (v) => (typeof v === 'string' ? v : `${JSON.stringify(v, null, 4)}\n`);

function installedVersion() {
  for (const tool of ['cfssl', 'cfssljson', 'openssl']) {
    if (run('sh', ['-c', `command -v ${tool}`]).status !== 0)
      throw new Error(`${tool} is not installed (apt-get install golang-cfssl openssl)`);
  }
  return mustRun('cfssl', ['version']).stdout.toString();
}

function flagValue(cmd, name) {
  for (let i = 0; i < cmd.length; i++) {
    const a = cmd[i].replace(/^--?/, '-');
    if (a === `-${name}`) return cmd[i + 1] ?? null;
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
  }
  return null;
}

// Go time.ParseDuration, for the few forms used above (e.g. 10m, 2h45m).
function durationMs(s) {
  const unit = { h: 3_600_000, m: 60_000, s: 1000 };
  let ms = 0;
  for (const [, n, u] of s.matchAll(/(\d+(?:\.\d+)?)([hms])/g)) ms += Number(n) * unit[u];
  return ms;
}

/** The profile cfssl signs with: -profile if it exists, else the default (reference §3.8). */
function signingProfile(dir, cmd) {
  const config = flagValue(cmd, 'config');
  if (!config || cmd.includes('-initca')) return {};
  const signing = JSON.parse(readFileSync(join(dir, config), 'utf8')).signing;
  return signing.profiles?.[flagValue(cmd, 'profile') ?? ''] ?? signing.default ?? {};
}

function openssl(args, input) {
  return mustRun('openssl', args, { input }).stdout.toString().trim();
}

function parsesAsJson(buf) {
  try {
    return typeof JSON.parse(buf.toString()) === 'object';
  } catch {
    return false;
  }
}

const LOG_LINE = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[[A-Z]+\] /;

/** The stderr line that identifies a failure (the 1.6.5 corpus convention). */
function errorLine(stderr, exit) {
  const cfg = stderr.lastIndexOf('Failed to load config file: ');
  if (cfg >= 0) return stderr.slice(cfg).split('\n')[0];
  const lines = stderr.split('\n').filter((l) => l && !LOG_LINE.test(l));
  if (exit === 2) return lines.find((l) => l.startsWith('flag provided but not defined')) ?? null;
  return lines.at(-1) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Generation.

function generate(version) {
  const out = mkdtempSync(join(tmpdir(), 'golden-cfssl-1.2-'));
  const files = {};
  const note = (caseId, name, origin) => {
    files[`${caseId}/${name}`] = { origin, sha256: sha256(readFileSync(join(out, caseId, name))) };
  };

  for (const def of CASES) {
    const dir = join(out, def.id);
    mkdirSync(dir);
    const put = (name, contents, origin) => {
      writeFileSync(join(dir, name), contents);
      note(def.id, name, origin);
    };

    for (const [name, value] of Object.entries(def.files ?? {})) put(name, toJsonText(value), `input written by ${SCRIPT}`);
    if (def.ca) {
      copyFileSync(join(out, def.ca, 'cert.pem'), join(dir, 'ca.pem'));
      note(def.id, 'ca.pem', `copy of ${def.ca}/cert.pem`);
      copyFileSync(join(out, def.ca, 'key.pem'), join(dir, 'ca-key.pem'));
      note(def.id, 'ca-key.pem', `copy of ${def.ca}/key.pem`);
    }
    if (def.csr?.json) {
      const scratch = mkdtempSync(join(tmpdir(), 'golden-csr-'));
      writeFileSync(join(scratch, 'leaf-csr.json'), toJsonText(def.csr.json));
      const genkey = ['genkey', ...(def.csr.initca ? ['-initca'] : []), 'leaf-csr.json'];
      const json = mustRun('cfssl', genkey, { cwd: scratch }).stdout;
      mustRun('cfssljson', ['-bare', 'leaf'], { cwd: scratch, input: json });
      put('leaf.csr', readFileSync(join(scratch, 'leaf.csr')), {
        command: `cfssl ${shell(genkey)} | cfssljson -bare leaf  # leaf.csr`,
        'leaf-csr.json': def.csr.json,
      });
      rmSync(scratch, { recursive: true, force: true });
    }
    if (def.csr?.openssl) {
      const scratch = mkdtempSync(join(tmpdir(), 'golden-csr-'));
      const genrsa = ['genrsa', '-traditional', '-out', 'leaf-key.pem', '2048'];
      const req = ['req', '-new', '-key', 'leaf-key.pem', '-subj', def.csr.openssl, '-out', 'leaf.csr'];
      mustRun('openssl', genrsa, { cwd: scratch });
      mustRun('openssl', req, { cwd: scratch });
      put('leaf.csr', readFileSync(join(scratch, 'leaf.csr')), { command: `openssl ${shell(genrsa)} && openssl ${shell(req)}` });
      rmSync(scratch, { recursive: true, force: true });
    }
    if (def.copyCertWithShortKeyIdByte) {
      const from = pickCertWithShortKeyIdByte(out);
      copyFileSync(join(out, from, 'cert.pem'), join(dir, def.copyCertWithShortKeyIdByte));
      note(def.id, def.copyCertWithShortKeyIdByte, `copy of ${from}/cert.pem (its SKI or AKI has a byte below 0x10)`);
    }

    // The recorded run.
    const start = Date.now();
    const r = run('cfssl', def.cmd, { cwd: dir });
    const end = Date.now();
    const ran = `stdout of \`cfssl ${shell(def.cmd)}\` run in the case directory (TZ=UTC)`;
    put('stdout.json', r.stdout, ran);
    put('stderr.txt', r.stderr, ran.replace('stdout', 'stderr'));

    const produced = r.status === 0 && parsesAsJson(r.stdout);
    // A run that fails on 1.2 only because of a documented difference also records the same command
    // with plain arguments (v165.plain_cmd), so the replay has 1.2 bytes to compare against.
    let source = produced ? r : null;
    if (def.v165?.plain_cmd) {
      source = mustRun('cfssl', def.v165.plain_cmd, { cwd: dir });
      const plain = `\`cfssl ${shell(def.v165.plain_cmd)}\` run in the case directory (TZ=UTC)`;
      put('plain-stdout.json', source.stdout, `stdout of ${plain}`);
      put('plain-stderr.txt', source.stderr, `stderr of ${plain}`);
    }
    const fields = source ? JSON.parse(source.stdout.toString()) : {};
    if (source && def.cmd[0] !== 'certinfo') {
      const scratch = mkdtempSync(join(tmpdir(), 'golden-split-'));
      const from = source === r ? 'stdout.json' : 'plain-stdout.json';
      mustRun('cfssljson', ['-bare', 'out'], { cwd: scratch, input: source.stdout });
      for (const [written, name] of [
        ['out.pem', 'cert.pem'],
        ['out-key.pem', 'key.pem'],
        ['out.csr', 'csr.pem'],
      ]) {
        if (!existsSync(join(scratch, written))) continue;
        put(name, readFileSync(join(scratch, written)), `\`cfssljson -bare out < ${from}\` wrote ${written}`);
      }
      rmSync(scratch, { recursive: true, force: true });
    }

    const hasCert = existsSync(join(dir, 'cert.pem'));
    let serial = null;
    let now = null;
    let ecdsaIssuer = false;
    if (hasCert) {
      const certPath = join(dir, 'cert.pem');
      serial = BigInt(`0x${openssl(['x509', '-in', certPath, '-noout', '-serial']).replace(/^serial=/, '')}`).toString();
      const logged = /signed certificate with serial number (\d+)/.exec(source.stderr.toString())?.[1];
      // selfsign logs no serial
      if (def.cmd[0] !== 'selfsign' && logged !== serial) throw new Error(`${def.id}: openssl serial ${serial} != cfssl log ${logged}`);
      const profile = signingProfile(dir, def.cmd);
      if (!profile.not_before) {
        // notBefore = round(now, 1 min) - backdate (reference §5.7; selfsign: now - 5 min, unrounded,
        // §5.13): notBefore + backdate is a clock reading that reproduces it exactly.
        const nb = openssl(['x509', '-in', certPath, '-noout', '-startdate', '-dateopt', 'iso_8601']).replace(/^notBefore=/, '');
        const t = Date.parse(nb.replace(' ', 'T')) + durationMs(profile.backdate || '5m');
        const round =
          def.cmd[0] === 'selfsign' ? (ms) => Math.floor(ms / 1000) * 1000 : (ms) => Math.floor((ms + 30_000) / 60_000) * 60_000;
        if (t < round(start) || t > round(end)) throw new Error(`${def.id}: derived clock ${new Date(t).toISOString()} is outside the run`);
        now = new Date(t).toISOString().replace('.000Z', 'Z');
      }
      ecdsaIssuer = /Signature Algorithm: ecdsa-with/.test(openssl(['x509', '-in', certPath, '-noout', '-text']));
    }

    const failed = r.status !== 0 || !produced;
    const tier = def.v165 ? 'difference' : failed ? 'error' : def.cmd[0] === 'certinfo' ? 'certinfo' : ecdsaIssuer ? 'tbs' : 'bytes';
    const caseJson = {
      id: def.id,
      tool: TOOL,
      cmd: def.cmd,
      replay: { serial, now, key: 'key' in fields ? 'key.pem' : null },
      expect: { exit: r.status, error: failed ? errorLine(r.stderr.toString(), r.status) : null },
      tier,
      quirk: def.quirk ?? null,
      ...(def.v165 ? { v165: def.v165 } : {}),
    };
    put('case.json', `${JSON.stringify(caseJson, null, 2)}\n`, {
      command: `written by ${SCRIPT} from the run`,
      'replay.serial': 'openssl x509 -in cert.pem -noout -serial (hex -> decimal; equal to the serial cfssl logs)',
      'replay.now':
        'openssl x509 -in cert.pem -noout -startdate -dateopt iso_8601, plus the profile backdate (5m unless set); null when the profile pins not_before',
    });
    console.log(`${def.id.padEnd(44)} ${tier.padEnd(10)} exit ${r.status}`);
  }

  const manifest = {
    tool: TOOL,
    cfssl_version: version,
    debian_package: run('dpkg-query', ['-W', '-f', '${Package} ${Version}', 'golang-cfssl']).stdout.toString() || null,
    openssl_version: openssl(['version']),
    generated_by: SCRIPT,
    generated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    note: 'README.md is written by hand; every other file is listed here with the command that made it.',
    files,
  };
  writeFileSync(join(out, 'MANIFEST.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

/** A case whose certificate has an SKI or AKI byte below 0x10 (cfssl 1.2 certinfo prints it unpadded). */
function pickCertWithShortKeyIdByte(out) {
  for (const id of readdirSync(out).sort()) {
    const cert = join(out, id, 'cert.pem');
    if (!existsSync(cert)) continue;
    const text = openssl(['x509', '-in', cert, '-noout', '-text']);
    const ids = [...text.matchAll(/Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/g)].map((m) => m[1]);
    if (ids.length === 2 && ids.some((k) => k.split(':').some((b) => b.startsWith('0')))) return id;
  }
  throw new Error('no certificate with a key id byte below 0x10; run again');
}

function main() {
  const version = installedVersion();
  if (existsSync(MANIFEST)) {
    const recorded = JSON.parse(readFileSync(MANIFEST, 'utf8')).cfssl_version;
    if (recorded !== version) {
      console.error(`refusing to regenerate: the installed cfssl reports\n${version}\nbut ${MANIFEST} records\n${recorded}`);
      process.exit(1);
    }
  }
  const out = generate(version);
  // Replace the corpus (README.md is kept).
  mkdirSync(CORPUS, { recursive: true });
  for (const entry of readdirSync(CORPUS)) if (entry !== 'README.md') rmSync(join(CORPUS, entry), { recursive: true, force: true });
  cpSync(out, CORPUS, { recursive: true });
  rmSync(out, { recursive: true, force: true });
  console.log(`wrote ${CASES.length} cases to ${CORPUS}`);
}

main();
