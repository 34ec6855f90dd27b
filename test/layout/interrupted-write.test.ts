// Killed while writing: SIGINT/SIGTERM leave no temporary file (a complete private key) behind, the next run removes
// stale ones of the writer's naming, and `cfssl-ts check` reports any that remain.
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runBinSignalled } from '@cfssl-ts/test-support/run-bin';

let root: string;
const scratch = (name: string): string => mkdtempSync(join(root, `${name}-`));
const listing = (dir: string): string[] => readdirSync(dir).sort();
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(listing(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const HIDDEN = /^\./;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'interrupted-write-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a signal while cfssl-ts writes a layout', () => {
  it('SIGTERM while etcd-cert commits its files: the process dies of SIGTERM and no file is left, temporary or not', () => {
    const cwd = scratch('term');
    const r = runBinSignalled('cfssl-ts', ['etcd-cert', '-dir', 'out'], cwd, { call: 'link', file: 'server.pem', signal: 'SIGTERM' });
    expect(r.signal, r.stderr).toBe('SIGTERM');
    expect(listing(join(cwd, 'out'))).toEqual([]);
  });

  it('SIGINT while etcd-cert -force replaces files: every replaced file is put back, no backup or temporary file is left', () => {
    const cwd = scratch('int');
    const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'out', '-hosts', '127.0.0.1'], cwd);
    expect(made.status, made.stderr).toBe(0);
    const before = snapshot(join(cwd, 'out'));
    const r = runBinSignalled('cfssl-ts', ['etcd-cert', '-dir', 'out', '-hosts', '127.0.0.1,127.0.0.9', '-force'], cwd, {
      call: 'rename',
      file: 'server.pem',
      signal: 'SIGINT',
    });
    expect(r.signal, r.stderr).toBe('SIGINT');
    expect(snapshot(join(cwd, 'out'))).toEqual(before);
  });

  it('SIGTERM while cfssljson-ts writes: no file is left', () => {
    const cwd = scratch('json');
    const csr = runBin('cfssl-ts', ['print-defaults', 'csr'], cwd);
    writeFileSync(join(cwd, 'csr.json'), csr.stdout);
    const ca = runBin('cfssl-ts', ['gencert', '-initca', 'csr.json'], cwd);
    expect(ca.status, ca.stderr).toBe(0);
    const r = runBinSignalled('cfssljson-ts', ['-bare', 'ca'], cwd, { call: 'link', file: 'ca.pem', signal: 'SIGTERM' }, ca.stdout);
    expect(r.signal, r.stderr).toBe('SIGTERM');
    expect(listing(cwd)).toEqual(['csr.json']);
  });
});

describe('temporary files left by a run that was killed outright (SIGKILL)', () => {
  const STALE = '.ca-key.pem.0123456789ab.tmp';
  const LIVE = '.server-key.pem.abcdef012345.tmp';
  let cwd: string;
  let out: string;

  beforeAll(() => {
    cwd = scratch('stale');
    out = join(cwd, 'out');
    const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'out'], cwd);
    expect(made.status, made.stderr).toBe(0);
    rmSync(join(out, 'ca-key.pem'));
    rmSync(join(out, 'ca.pem'));
    writeFileSync(join(out, STALE), 'a private key', { mode: 0o600 });
    const anHourAgo = Date.now() / 1000 - 3600;
    utimesSync(join(out, STALE), anHourAgo, anHourAgo);
  });

  it('the next run removes a stale one (older than a minute) for a file it writes', () => {
    const r = runBin('cfssl-ts', ['etcd-cert', '-dir', 'out', '-force'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(listing(out).filter((f) => HIDDEN.test(f))).toEqual([]);
  });

  it('check reports one that remains, naming it, and fails', () => {
    writeFileSync(join(out, LIVE), 'a private key', { mode: 0o600 });
    const r = runBin('cfssl-ts', ['check', 'out'], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `out: PROBLEM ${LIVE}: left behind by an interrupted write of server-key.pem (it may hold a private key): remove it\n`,
    );
    expect(r.stderr).toContain('out: 1 problem found');
  });
});
