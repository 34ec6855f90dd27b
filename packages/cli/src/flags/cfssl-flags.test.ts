import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CFSSL_FLAGS, renderCfsslCommandUsage } from './cfssl-flags.js';
import { parseGoFlags } from './parse-go-flags.js';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const GOLDEN = goldenDir('cfssl-1.6.5', 'unknown-flag-exit-2', 'stderr.txt');

describe('CFSSL_FLAGS', () => {
  it('defines every global flag of reference §1.2 once, plus the cfssl-ts extensions', () => {
    const names = CFSSL_FLAGS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'hostname',
      'cert',
      'csr',
      'ca',
      'ca-key',
      'tls-cert',
      'tls-key',
      'mutual-tls-ca',
      'mutual-tls-cn',
      'tls-remote-ca',
      'mutual-tls-client-cert',
      'mutual-tls-client-key',
      'key',
      'intermediates',
      'ca-bundle',
      'int-bundle',
      'address',
      'port',
      'min-tls-version',
      'config',
      'profile',
      'initca',
      'renewca',
      'int-dir',
      'flavor',
      'metadata',
      'domain',
      'ip',
      'remote',
      'label',
      'authkey',
      'responder',
      'responder-key',
      'status',
      'reason',
      'revoked-at',
      'interval',
      'list',
      'family',
      'scanner',
      'timeout',
      'csv',
      'num-workers',
      'max-hosts',
      'responses',
      'path',
      'crl',
      'password',
      'usage',
      'pgp-private',
      'pgp-name',
      'serial',
      'cn',
      'aki',
      'db-config',
      'expiry',
      'disable',
      'loglevel',
      'now',
    ]) {
      expect(names, name).toContain(name);
    }
    // 58 cfssl 1.6.5 flags + the extensions: now, pkcs8, number, pem, dir, hosts, service-ip, force, within, format, rekey, reissue, finish, workers, authsign-max-age.
    const extensions = [
      'now',
      'pkcs8',
      'number',
      'pem',
      'dir',
      'hosts',
      'service-ip',
      'force',
      'within',
      'format',
      'rekey',
      'reissue',
      'finish',
      'workers',
      'authsign-max-age',
    ];
    // + multirootca's own flag set (a separate binary in cfssl): -a, -roots, -l.
    const multiroot = ['a', 'roots', 'l'];
    for (const name of multiroot) expect(CFSSL_FLAGS.find((d) => d.name === name)?.usage, name).toMatch(/multirootca/);
    for (const name of extensions) {
      const def = CFSSL_FLAGS.find((d) => d.name === name);
      expect(def?.usage, name).toMatch(/cfssl-ts|extension/i);
    }
    expect(names).toHaveLength(58 + extensions.length + multiroot.length);
  });

  it('has cfssl defaults (reference §1.2)', () => {
    const { values } = parseGoFlags(CFSSL_FLAGS, []);
    expect(values.get('address')).toBe('127.0.0.1');
    expect(values.get('port')).toBe(8888);
    expect(values.get('flavor')).toBe('ubiquitous');
    expect(values.get('status')).toBe('good');
    expect(values.get('reason')).toBe('0');
    expect(values.get('revoked-at')).toBe('now');
    expect(values.get('interval')).toBe('96h0m0s');
    expect(values.get('timeout')).toBe('5m0s');
    expect(values.get('num-workers')).toBe(10);
    expect(values.get('max-hosts')).toBe(100);
    expect(values.get('path')).toBe('/');
    expect(values.get('password')).toBe('0');
    expect(values.get('expiry')).toBe('168h0m0s');
    expect(values.get('loglevel')).toBe(1);
    expect(values.get('initca')).toBe(false);
    expect(values.get('renewca')).toBe(false);
    expect(values.get('list')).toBe(false);
    expect(values.get('serial')).toBe('');
    expect(values.get('now')).toBe('');
  });

  it('lets every command take flags its help does not list (cfssl gencert -db-config f)', () => {
    const { values, positionals } = parseGoFlags(CFSSL_FLAGS, [
      '-db-config',
      'db.json',
      '-serial=123',
      '--now',
      '2026-11-28T02:33:04Z',
      'csr.json',
    ]);
    expect(values.get('db-config')).toBe('db.json');
    expect(values.get('serial')).toBe('123');
    expect(values.get('now')).toBe('2026-11-28T02:33:04Z');
    expect(positionals).toEqual(['csr.json']);
  });
});

describe('renderCfsslCommandUsage (cfssl cli.Start usage)', () => {
  it('reproduces cfssl 1.6.5 gencert usage byte for byte (golden unknown-flag-exit-2)', () => {
    const stderr = readFileSync(GOLDEN, 'utf8');
    const firstNewline = stderr.indexOf('\n');
    const usage = stderr.slice(firstNewline + 1);
    // gencert's usage text: what follows the tab, up to the flag lines
    const flagsAt = usage.indexOf('  -initca=');
    const usageText = usage.slice(1, flagsAt);
    const rendered = renderCfsslCommandUsage(usageText, [
      'initca',
      'remote',
      'ca',
      'ca-key',
      'config',
      'cn',
      'hostname',
      'profile',
      'label',
    ]);
    expect(rendered).toBe(usage);
  });

  it('renders int, duration and non-empty string defaults bare, as real cfssl does (Debian 1.2 ocspsign/scan/serve -h)', () => {
    expect(
      renderCfsslCommandUsage('x\n', [
        'reason',
        'status',
        'revoked-at',
        'interval',
        'timeout',
        'num-workers',
        'max-hosts',
        'address',
        'port',
      ]),
    ).toBe(
      '\tx\n' +
        '  -reason=0: Reason code for revocation\n' +
        '  -status=good: Status of the certificate: good, revoked, unknown\n' +
        '  -revoked-at=now: Date of revocation (YYYY-MM-DD)\n' +
        '  -interval=96h0m0s: Interval between OCSP updates (default: 96h)\n' +
        '  -timeout=5m0s: duration (ns, us, ms, s, m, h) to scan each host before timing out\n' +
        '  -num-workers=10: number of workers to use for scan\n' +
        '  -max-hosts=100: maximum number of hosts to scan\n' +
        '  -address=127.0.0.1: Address to bind\n' +
        '  -port=8888: Port to bind\n' +
        '  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n',
    );
  });

  it('prints only the tab, the text and -loglevel for a command without flags (cfssl version)', () => {
    expect(renderCfsslCommandUsage('cfssl version\n', [])).toBe('\tcfssl version\n  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n');
  });

  it('skips names that are not in the table and prints bools as false', () => {
    expect(renderCfsslCommandUsage('', ['nope', 'renewca'])).toBe(
      '\t  -renewca=false: re-generate a CA certificate from existing CA certificate/key\n  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n',
    );
  });
});
