// Expected bytes: cfssl info (reference §2.17), checked against real cfssl 1.2 and 1.6.5 source
// (`json.Marshal(info.Resp)` printed with fmt.Print: no trailing newline).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const CASE = goldenDir('cfssl-1.6.5', 'sign-hosts-mixed');
const CA = join(CASE, 'ca.pem');
const CA_KEY = join(CASE, 'ca-key.pem');

async function run(args: string[], files: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'info-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(cwd, name), body);
  return runCfsslInProcess(args, { cwd, now: () => 0 });
}

// The print-defaults config: default profile without usages, www and client profiles.
const CONFIG = JSON.stringify({
  signing: {
    default: { expiry: '168h' },
    profiles: {
      www: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
      client: { expiry: '8760h', usages: ['signing', 'key encipherment', 'client auth'] },
    },
  },
});

// bytes.TrimSpace(pem.EncodeToMemory(ca)) as a JSON string
const caJson = JSON.stringify(readFileSync(CA, 'utf8').trim());

describe('cfssl-ts info (local)', () => {
  it('default profile: certificate, null usages, expiry; no trailing newline', async () => {
    const r = await run(['info', '-config', 'c.json', '-ca', CA, '-ca-key', CA_KEY], { 'c.json': CONFIG });
    expect(r).toEqual({ status: 0, stdout: `{"certificate":${caJson},"usages":null,"expiry":"168h"}`, stderr: '' });
  });

  it('-profile picks a profile; an unknown one falls back to the default', async () => {
    const www = await run(['info', '-config', 'c.json', '-ca', CA, '-ca-key', CA_KEY, '-profile', 'www'], { 'c.json': CONFIG });
    expect(www.stdout).toBe(`{"certificate":${caJson},"usages":["signing","key encipherment","server auth"],"expiry":"8760h"}`);
    const unknown = await run(['info', '-config', 'c.json', '-ca', CA, '-ca-key', CA_KEY, '-profile', 'nope'], { 'c.json': CONFIG });
    expect(unknown.stdout).toBe(`{"certificate":${caJson},"usages":null,"expiry":"168h"}`);
  });

  it("a config without signing.default reports cfssl's built-in default (8760h, four usages)", async () => {
    const config = JSON.stringify({ signing: { profiles: { www: { expiry: '1h', usages: ['signing'] } } } });
    const r = await run(['info', '-config', 'c.json', '-ca', CA, '-ca-key', CA_KEY], { 'c.json': config });
    expect(r.stdout).toBe(`{"certificate":${caJson},"usages":["signing","key encipherment","server auth","client auth"],"expiry":"8760h"}`);
  });

  it('errors as cfssl prints them', async () => {
    expect(await run(['info'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Either -remote or -config must be given. Refer to cfssl info -h for usage.\n',
    });
    expect(await run(['info', 'x', '-config', 'c.json'], { 'c.json': CONFIG })).toEqual({
      status: 1,
      stdout: '',
      stderr: 'argument is provided but not defined; please refer to the usage by flag -h.\n',
    });
    // universal.newLocalSigner without -ca-key: PrivateKeyError/Unknown
    expect(await run(['info', '-config', 'c.json'], { 'c.json': CONFIG })).toEqual({
      status: 1,
      stdout: '',
      stderr: '{"code":2000,"message":"Unknown private key error"}\n',
    });
  });
});
