import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io/cli-io.js';
import { runCfssl } from './run-cfssl.js';

/** The one JSON line `gencert` prints (the keys cfssl emits). */
interface GencertOutput {
  cert: string;
  csr: string;
  key: string;
}

function fakeIo(cwd = mkdtempSync(join(tmpdir(), 'run-cfssl-')), stdin = '') {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
    writeStdout: (t) => void (out.stdout += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    writeStderr: (t) => void (out.stderr += t),
    cwd,
    env: {},
    now: () => Date.parse('2026-11-28T02:33:04Z'),
  };
  return { io, out, cwd };
}

// Expected texts and statuses: reference §1.1/§1.4 (cfssl cli.Start and Go's flag package).
describe('runCfssl boundary', () => {
  it('no command: message, usage, exit 1', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl([], io)).toBe(1);
    expect(out.stderr.startsWith('No command is given.\nUsage:\nAvailable commands:\n')).toBe(true);
  });

  it('unknown command: exit 1', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['frobnicate'], io)).toBe(1);
    expect(out.stderr.startsWith('Command frobnicate is not defined.\n')).toBe(true);
  });

  it('unknown flag: Go flag message, command usage, exit 2', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['gencert', '-frobnicate', 'x.json'], io)).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe('flag provided but not defined: -frobnicate');
    expect(out.stderr).toContain('\tcfssl gencert -- generate a new key and signed certificate');
  });

  it('-h prints the command usage and exits 0', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['sign', '-h'], io)).toBe(0);
    expect(out.stderr).toContain('  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)');
  });

  it('a missing positional argument is a plain error, exit 1', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['gencert', '-initca'], io)).toBe(1);
    expect(out.stderr).toBe('not enough arguments are supplied --- please refer to the usage\n');
  });

  it("an unreadable file prints Go's os error text", async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['gencert', '-initca', 'nope.json'], io)).toBe(1);
    expect(out.stderr).toBe('open nope.json: no such file or directory\n');
  });

  it('a config that fails to load: "Failed to load config file: " + error, no newline, exit 1', async () => {
    const { io, out, cwd } = fakeIo();
    writeFileSync(join(cwd, 'c.json'), '{}');
    expect(await runCfssl(['sign', '-config', 'c.json', 'x.csr'], io)).toBe(1);
    expect(out.stderr).toBe('Failed to load config file: No "signing" field present');
  });

  it('cfssl errors print as {"code","message"} JSON', async () => {
    const { io, out, cwd } = fakeIo();
    writeFileSync(join(cwd, 'csr.json'), '{"CN":"x","key":{"algo":"rsa","size":1024}}');
    expect(await runCfssl(['gencert', '-initca', 'csr.json'], io)).toBe(1);
    expect(out.stderr.trim().split('\n').pop()).toBe('{"code":2400,"message":"RSA key is too weak"}');
  });

  it('reads the CSR JSON from stdin with "-" and prints one sorted JSON line', async () => {
    const { io, out } = fakeIo(undefined, '{"CN":"stdin CA","key":{"algo":"ecdsa","size":256}}');
    expect(await runCfssl(['gencert', '-initca', '-'], io)).toBe(0);
    expect(out.stdout.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(out.stdout) as GencertOutput)).toEqual(['cert', 'csr', 'key']);
  });

  it('rejects a malformed --now and --serial before doing anything', async () => {
    const a = fakeIo();
    expect(await runCfssl(['gencert', '--now', 'yesterday', '-initca', 'x.json'], a.io)).toBe(1);
    expect(a.out.stderr).toContain('invalid -now "yesterday"');
    const b = fakeIo();
    expect(await runCfssl(['gencert', '--serial', '-5', '-initca', 'x.json'], b.io)).toBe(1);
    expect(b.out.stderr).toContain('invalid serial number');
  });

  it('ignores replay flags in a command that does not read them (version, print-defaults)', async () => {
    const a = fakeIo();
    expect(await runCfssl(['version', '-now=1', '-serial=x'], a.io)).toBe(0);
    expect(a.out.stderr).toBe('');
    expect(a.out.stdout).toMatch(/^Version: /);
    const b = fakeIo();
    expect(await runCfssl(['print-defaults', '-now', 'yesterday', 'csr'], b.io)).toBe(0);
    expect(b.out.stdout).toContain('"CN": "example.net"');
  });

  it('still refuses a malformed --now in check, which reads it after listing the directory', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['check', '-now', 'soon', '.'], io)).toBe(1);
    expect(out.stderr).toContain('invalid -now "soon"');
  });

  it('version prints Version and Runtime lines', async () => {
    const { io, out } = fakeIo();
    expect(await runCfssl(['version'], io)).toBe(0);
    expect(out.stdout).toMatch(/^Version: \S+.*\nRuntime: node\d+\.\d+\.\d+\n$/);
  });
});
