// Every load error of reference §3.7 through the CLI: same stderr and exit status as cfssl.
// Expected texts are the reference's (verified on real cfssl); real cfssl 1.2 is also run as a judge when present.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const P = 'Failed to load config file: ';
const ROWS: Array<[string, string | null, string]> = [
  [
    'not JSON',
    'not json',
    `${P}{"code":5200,"message":"failed to unmarshal configuration: invalid character 'o' in literal null (expecting 'u')"}`,
  ],
  ['no signing', '{}', `${P}No "signing" field present`],
  ['default without expiry', '{"signing":{"default":{}}}', `${P}{"code":5200,"message":"empty expiry string"}`],
  ['expiry 1y', '{"signing":{"default":{"expiry":"1y"}}}', `${P}{"code":5200,"message":"time: unknown unit \\"y\\" in duration \\"1y\\""}`],
  [
    'profile without usages',
    '{"signing":{"default":{"expiry":"1h"},"profiles":{"p":{"expiry":"1h"}}}}',
    `${P}{"code":5200,"message":"invalid configuration"}`,
  ],
  [
    'only unknown usages',
    '{"signing":{"default":{"expiry":"1h"},"profiles":{"p":{"expiry":"1h","usages":["nope"]}}}}',
    `${P}{"code":5200,"message":"invalid configuration"}`,
  ],
  [
    'bad regexp',
    '{"signing":{"default":{"expiry":"1h","name_whitelist":"a("}}}',
    `${P}{"code":5200,"message":"failed to compile name whitelist section"}`,
  ],
  [
    'unknown remote',
    '{"signing":{"default":{"expiry":"1h","remote":"nope"}}}',
    `${P}{"code":5200,"message":"failed to find remote in remotes section"}`,
  ],
  [
    'unknown auth key',
    '{"signing":{"default":{"expiry":"1h","auth_key":"k"}}}',
    `${P}{"code":5200,"message":"failed to find auth_key in auth_keys section"}`,
  ],
  [
    'bad auth key type',
    '{"signing":{"default":{"expiry":"1h","auth_key":"k"}},"auth_keys":{"k":{"type":"x","key":"00"}}}',
    `${P}{"code":5200,"message":"unknown authentication type"}`,
  ],
  [
    'bad auth key hex',
    '{"signing":{"default":{"expiry":"1h","auth_key":"k"}},"auth_keys":{"k":{"type":"standard","key":"zz"}}}',
    `${P}{"code":5200,"message":"failed to create new standard auth provider"}`,
  ],
  [
    'bad backdate',
    '{"signing":{"default":{"expiry":"1h","backdate":"x"}}}',
    `${P}{"code":5200,"message":"time: invalid duration \\"x\\""}`,
  ],
  [
    'bad qualifier type',
    '{"signing":{"default":{"expiry":"1h","Policies":[{"ID":"1.2.3","Qualifiers":[{"Type":"bad","Value":"v"}]}]}}}',
    `${P}{"code":5200,"message":"invalid policy qualifier type"}`,
  ],
  [
    'date-only not_before',
    '{"signing":{"default":{"expiry":"1h","not_before":"2030-01-01"}}}',
    `${P}{"code":5200,"message":"failed to unmarshal configuration: parsing time \\"\\\\\\"2030-01-01\\\\\\"\\" as \\"\\\\\\"2006-01-02T15:04:05Z07:00\\\\\\"\\": cannot parse \\"\\\\\\"\\" as \\"T\\""}`,
  ],
  [
    'remote and auth_remote',
    '{"signing":{"default":{"expiry":"1h","remote":"r","auth_remote":{"remote":"r"}}},"remotes":{"r":"127.0.0.1:8888"}}',
    `${P}{"code":5200,"message":"Invalid or unknown policy"}`,
  ],
  [
    'bad allowed_extensions OID',
    '{"signing":{"default":{"expiry":"1h","allowed_extensions":["abc"]}}}',
    `${P}{"code":5200,"message":"failed to unmarshal configuration: Invalid OID"}`,
  ],
  [
    'null profile',
    '{"signing":{"default":{"expiry":"1h"},"profiles":{"p":null}}}',
    `${P}{"code":5200,"message":"can't parse nil profile"}`,
  ],
  ['default expiry 0s', '{"signing":{"default":{"expiry":"0s"}}}', `${P}{"code":5200,"message":"invalid configuration"}`],
  ['missing file', null, `${P}{"code":5200,"message":"could not read configuration file"}`],
];

function caseDir(config: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-error-'));
  cpSync(join(goldenDir('cfssl-1.6.5'), 'sign-no-config-builtin-default'), dir, { recursive: true });
  if (config !== null) writeFileSync(join(dir, 'c.json'), config);
  return dir;
}

const ARGS = ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'c.json', 'leaf.csr'];

describe('config load errors through the CLI (reference §3.7)', () => {
  it.each(ROWS)('%s', (_name, config, expected) => {
    const dir = caseDir(config);
    const r = runBin('cfssl-ts', ARGS, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith(expected), r.stderr).toBe(true);
    if (requireTool('cfssl')) {
      const real = spawnSync('cfssl', ARGS, { cwd: dir, encoding: 'utf8' });
      expect(real.status).toBe(1);
      expect(real.stderr.endsWith(expected), real.stderr).toBe(true);
    }
  });
});
