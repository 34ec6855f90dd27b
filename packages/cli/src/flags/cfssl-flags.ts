// cfssl's single global flag table (cfssl 1.6.5 cli/config.go registerFlags) and its per-command usage.

import { goFlagDefaultText, type GoFlagDefinition } from './go-flag-definition.js';

/**
 * Every flag cfssl 1.6.5 defines, in cfssl's order, with cfssl's defaults and help texts, plus the
 * cfssl-ts extensions `now`, `pkcs8`, `number`, `pem`, `workers`, `authsign-max-age` and those of the layout commands,
 * and multirootca's own `a`, `roots` and `l`. Every cfssl command accepts all of them; a command's help lists only
 * some. Duration defaults are in Go's `Duration.String()` form, as cfssl prints them.
 *
 * `serial` is cfssl's own flag (revoke, certinfo); cfssl-ts also reads it in gencert, sign,
 * selfsign and genkey -initca to replay a recorded serial number (an extension of its meaning).
 * `now` is a cfssl-ts extension: the signing clock (RFC 3339, e.g. `2026-11-28T02:33:04Z`) used to
 * replay a recorded run; cfssl has no such flag.
 * `pkcs8` (gencert, genkey, selfsign: the new key as PKCS #8 `PRIVATE KEY`), `number` (gencrl: a CRL
 * Number extension) and `pem` (gencrl: PEM output) are cfssl-ts extensions too.
 */
export const CFSSL_FLAGS: readonly GoFlagDefinition[] = [
  { name: 'hostname', kind: 'string', default: '', usage: 'Hostname for the cert, could be a comma-separated hostname list' },
  { name: 'cert', kind: 'string', default: '', usage: 'Client certificate that contains the public key' },
  { name: 'csr', kind: 'string', default: '', usage: 'Certificate signature request file for new public key' },
  { name: 'ca', kind: 'string', default: '', usage: "CA used to sign the new certificate -- accepts '[file:]fname' or 'env:varname'" },
  { name: 'ca-key', kind: 'string', default: '', usage: "CA private key -- accepts '[file:]fname' or 'env:varname'" },
  { name: 'tls-cert', kind: 'string', default: '', usage: 'Other endpoint CA to set up TLS protocol' },
  { name: 'tls-key', kind: 'string', default: '', usage: 'Other endpoint CA private key' },
  { name: 'mutual-tls-ca', kind: 'string', default: '', usage: 'Mutual TLS - require clients be signed by this CA ' },
  { name: 'mutual-tls-cn', kind: 'string', default: '', usage: 'Mutual TLS - regex for whitelist of allowed client CNs' },
  { name: 'tls-remote-ca', kind: 'string', default: '', usage: 'CAs to trust for remote TLS requests' },
  {
    name: 'mutual-tls-client-cert',
    kind: 'string',
    default: '',
    usage: 'Mutual TLS - client certificate to call remote instance requiring client certs',
  },
  {
    name: 'mutual-tls-client-key',
    kind: 'string',
    default: '',
    usage: 'Mutual TLS - client key to call remote instance requiring client certs',
  },
  { name: 'key', kind: 'string', default: '', usage: 'private key for the certificate' },
  { name: 'intermediates', kind: 'string', default: '', usage: 'intermediate certs' },
  { name: 'ca-bundle', kind: 'string', default: '', usage: 'path to root certificate store' },
  { name: 'int-bundle', kind: 'string', default: '', usage: 'path to intermediate certificate store' },
  { name: 'address', kind: 'string', default: '127.0.0.1', usage: 'Address to bind' },
  { name: 'port', kind: 'int', default: 8888, usage: 'Port to bind' },
  { name: 'min-tls-version', kind: 'string', default: '', usage: 'Minimum version of TLS to use, defaults to 1.0' },
  { name: 'config', kind: 'string', default: '', usage: 'path to configuration file' },
  { name: 'profile', kind: 'string', default: '', usage: 'signing profile to use' },
  { name: 'initca', kind: 'bool', default: false, usage: 'initialise new CA' },
  { name: 'renewca', kind: 'bool', default: false, usage: 're-generate a CA certificate from existing CA certificate/key' },
  { name: 'int-dir', kind: 'string', default: '', usage: 'specify intermediates directory' },
  { name: 'flavor', kind: 'string', default: 'ubiquitous', usage: 'Bundle Flavor: ubiquitous, optimal and force.' },
  {
    name: 'metadata',
    kind: 'string',
    default: '',
    usage:
      'Metadata file for root certificate presence. The content of the file is a json dictionary (k,v): each key k is SHA-1 digest of a root certificate while value v is a list of key store filenames.',
  },
  { name: 'domain', kind: 'string', default: '', usage: 'remote server domain name' },
  { name: 'ip', kind: 'string', default: '', usage: 'remote server ip' },
  { name: 'remote', kind: 'string', default: '', usage: 'remote CFSSL server' },
  { name: 'label', kind: 'string', default: '', usage: 'key label to use in remote CFSSL server' },
  { name: 'authkey', kind: 'string', default: '', usage: 'key to authenticate requests to remote CFSSL server' },
  { name: 'responder', kind: 'string', default: '', usage: 'Certificate for OCSP responder' },
  { name: 'responder-key', kind: 'string', default: '', usage: 'private key for OCSP responder certificate' },
  { name: 'status', kind: 'string', default: 'good', usage: 'Status of the certificate: good, revoked, unknown' },
  { name: 'reason', kind: 'string', default: '0', usage: 'Reason code for revocation' },
  { name: 'revoked-at', kind: 'string', default: 'now', usage: 'Date of revocation (YYYY-MM-DD)' },
  { name: 'interval', kind: 'duration', default: '96h0m0s', usage: 'Interval between OCSP updates (default: 96h)' },
  { name: 'list', kind: 'bool', default: false, usage: 'list possible scanners' },
  { name: 'family', kind: 'string', default: '', usage: 'scanner family regular expression' },
  { name: 'scanner', kind: 'string', default: '', usage: 'scanner regular expression' },
  {
    name: 'timeout',
    kind: 'duration',
    default: '5m0s',
    usage: 'duration (ns, us, ms, s, m, h) to scan each host before timing out',
  },
  { name: 'csv', kind: 'string', default: '', usage: 'file containing CSV of hosts' },
  { name: 'num-workers', kind: 'int', default: 10, usage: 'number of workers to use for scan' },
  { name: 'max-hosts', kind: 'int', default: 100, usage: 'maximum number of hosts to scan' },
  { name: 'responses', kind: 'string', default: '', usage: 'file to load OCSP responses from' },
  { name: 'path', kind: 'string', default: '/', usage: 'Path on which the server will listen' },
  { name: 'crl', kind: 'string', default: '', usage: 'CRL URL Override' },
  { name: 'password', kind: 'string', default: '0', usage: 'Password for accessing PKCS #12 data passed to bundler' },
  { name: 'usage', kind: 'string', default: '', usage: 'usage of private key' },
  { name: 'pgp-private', kind: 'string', default: '', usage: 'file to load a PGP Private key decryption' },
  // cfssl's text has two spaces before "key name list"
  { name: 'pgp-name', kind: 'string', default: '', usage: 'PGP public key name, can be a comma-separated  key name list' },
  { name: 'serial', kind: 'string', default: '', usage: 'certificate serial number' },
  { name: 'cn', kind: 'string', default: '', usage: 'certificate common name (CN)' },
  { name: 'aki', kind: 'string', default: '', usage: 'certificate issuer (authority) key identifier' },
  { name: 'db-config', kind: 'string', default: '', usage: 'certificate db configuration file' },
  {
    name: 'expiry',
    kind: 'duration',
    default: '168h0m0s',
    usage: 'time from now after which the CRL will expire (default: one week)',
  },
  { name: 'loglevel', kind: 'int', default: 1, usage: 'Log level (0 = DEBUG, 5 = FATAL)' },
  { name: 'disable', kind: 'string', default: '', usage: 'endpoints to disable' },
  // cfssl-ts extension
  {
    name: 'now',
    kind: 'string',
    default: '',
    usage: 'cfssl-ts extension: signing time to replay, RFC 3339 (e.g. 2026-11-28T02:33:04Z); default: the clock',
  },
  // cfssl-ts extension
  {
    name: 'pkcs8',
    kind: 'bool',
    default: false,
    usage: 'cfssl-ts extension: print the new private key as PKCS #8 (PRIVATE KEY) instead of PKCS #1 / SEC 1',
  },
  // cfssl-ts extension
  {
    name: 'number',
    kind: 'string',
    default: '',
    usage: 'cfssl-ts extension: CRL number to add to a gencrl CRL (RFC 5280 section 5.2.3), decimal or 0x hex',
  },
  // cfssl-ts extension
  { name: 'pem', kind: 'bool', default: false, usage: 'cfssl-ts extension: print the gencrl CRL as a PEM X509 CRL block' },
  // cfssl-ts extensions of etcd-cert, k8s-cert and layout
  { name: 'dir', kind: 'string', default: '', usage: 'cfssl-ts extension: directory a layout is written to (etcd-cert, k8s-cert, layout)' },
  {
    name: 'hosts',
    kind: 'string',
    default: '',
    usage: 'cfssl-ts extension: comma-separated hosts of the server certificate (etcd-cert, k8s-cert)',
  },
  { name: 'service-ip', kind: 'string', default: '10.0.0.1', usage: 'cfssl-ts extension: cluster IP of the kubernetes Service (k8s-cert)' },
  {
    name: 'force',
    kind: 'bool',
    default: false,
    usage:
      'cfssl-ts extension: rewrite files that no longer match their inputs, keys kept (etcd-cert, k8s-cert, layout); renew every leaf (renew)',
  },
  // cfssl-ts extensions of check, renew and rotate-ca
  {
    name: 'within',
    kind: 'string',
    default: '',
    usage: 'cfssl-ts extension: expiry window, a Go duration or days (720h, 30d): check exits 1, renew re-issues what expires within it',
  },
  { name: 'format', kind: 'string', default: '', usage: 'cfssl-ts extension: check output, text (default) or json' },
  { name: 'rekey', kind: 'bool', default: false, usage: 'cfssl-ts extension: renew with new keys instead of keeping them (renew)' },
  {
    name: 'reissue',
    kind: 'bool',
    default: false,
    usage: 'cfssl-ts extension: phase two of a CA rotation, re-issue the leaves (rotate-ca)',
  },
  {
    name: 'finish',
    kind: 'bool',
    default: false,
    usage: 'cfssl-ts extension: phase three of a CA rotation, drop the old CA (rotate-ca)',
  },
  // cfssl-ts extension of serve
  { name: 'workers', kind: 'int', default: 0, usage: 'cfssl-ts extension: serve processes sharing the port (0 = one per core)' },
  // cfssl-ts extension of serve and multirootca
  {
    name: 'authsign-max-age',
    kind: 'string',
    default: '',
    usage: 'cfssl-ts extension: authsign replay protection, a Go duration (e.g. 5m): timestamp within it, each token once; default off',
  },
  // cfssl multirootca's own flags (its separate binary's flag set)
  { name: 'a', kind: 'string', default: ':8888', usage: 'listening address (multirootca)' },
  { name: 'roots', kind: 'string', default: '', usage: 'configuration file specifying root keys (multirootca)' },
  { name: 'l', kind: 'string', default: '', usage: 'specify a default label (multirootca)' },
];

const BY_NAME = new Map(CFSSL_FLAGS.map((definition) => [definition.name, definition]));

/**
 * A cfssl command's usage message as cfssl 1.6.5 prints it on stderr (cli.Start's FlagSet.Usage):
 * a tab, the command's usage text, then `  -name=default: description` for each listed flag in the
 * given order, `loglevel` always appended (as cfssl appends it), an empty default shown as `""`.
 * Names missing from {@link CFSSL_FLAGS} are skipped.
 *
 * @example
 * renderCfsslCommandUsage('cfssl genkey -- generate a new key\n', ['initca']);
 * // '\tcfssl genkey -- generate a new key\n  -initca=false: initialise new CA\n  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n'
 */
export function renderCfsslCommandUsage(usageText: string, flagNames: readonly string[]): string {
  let out = `\t${usageText}`;
  for (const name of [...flagNames, 'loglevel']) {
    const definition = BY_NAME.get(name);
    if (definition === undefined) continue;
    const defaultText = goFlagDefaultText(definition);
    // cli.printDefaultValue: %q only for the empty default
    out += `  -${definition.name}=${defaultText === '' ? '""' : defaultText}: ${definition.usage}\n`;
  }
  return out;
}
