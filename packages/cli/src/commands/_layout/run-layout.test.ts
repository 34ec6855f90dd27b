// A run that fails while writing (injected file-system failures) leaves no partial file: the directory is as it was.
import * as nodeFs from 'node:fs/promises';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etcdPreset } from '@cfssl-ts/layout';
import type { LayoutFs } from '@cfssl-ts/layout/node';
import type { CommandContext } from '../cfssl-command.js';
import { runLayout } from './run-layout.js';
import { CFSSL_FLAGS } from '../../flags/cfssl-flags.js';
import { parseGoFlags } from '../../flags/parse-go-flags.js';
import { createLogger } from '../../log/cfssl-logger.js';
import { failingNthCall } from '@cfssl-ts/test-support/failing-fs';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'layout-write-failure-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function context(cwd: string): { ctx: CommandContext; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const flags = parseGoFlags(CFSSL_FLAGS, []);
  const ctx: CommandContext = {
    args: [],
    flags,
    io: {
      readStdin: () => Promise.resolve(new Uint8Array()),
      writeStdout: (t) => void stdout.push(String(t)),
      writeStderr: (t) => void stderr.push(t),
      cwd,
      env: {},
      now: () => Date.now(),
    },
    log: createLogger(1, (line) => stderr.push(line)),
    config: null,
    replay: { serial: null, now: null },
    crypto: globalThis.crypto,
    str: (name) => String(flags.values.get(name) ?? ''),
    bool: (name) => flags.values.get(name) === true,
  };
  return { ctx, stdout, stderr };
}

// Pass every call through, except the n-th call of `name`, which fails with EIO.
const failOn = (name: 'link' | 'rename', n: number): LayoutFs => failingNthCall(name, n);

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
}

// The CLI's CfsslError (from @cfssl-ts/core's build, so compared by name).
async function failure(promise: Promise<void>): Promise<{ message: string; plain: boolean }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && error.name === 'CfsslError') return error as Error & { plain: boolean };
    throw error;
  }
  throw new Error('expected the run to fail');
}

describe('etcd-cert write failures', () => {
  it('a failure on the fifth of nine files leaves no file and no directory behind', async () => {
    const cwd = mkdtempSync(join(root, 'fresh-'));
    const { ctx, stdout } = context(cwd);
    const error = await failure(
      runLayout(ctx, etcdPreset({ hosts: ['127.0.0.1'] }), { dir: 'etcd-cert', force: false, fs: failOn('link', 5) }),
    );
    expect(error.plain).toBe(true);
    expect(error.message).toBe('link etcd-cert/ca.csr: input/output error\nnothing was written');
    expect(stdout).toEqual([]);
    expect(existsSync(join(cwd, 'etcd-cert'))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a failure while replacing files under -force leaves every file as it was (keys, certificates, CSRs, JSON)', async () => {
    const cwd = mkdtempSync(join(root, 'force-'));
    await runLayout(context(cwd).ctx, etcdPreset({ hosts: ['127.0.0.1'] }), { dir: 'etcd-cert', force: false });
    const dir = join(cwd, 'etcd-cert');
    const before = contents(dir);
    expect(Object.keys(before)).toHaveLength(9);
    // new hosts: server-csr.json, server.pem, server.csr are replaced; fail the third replacement
    const { ctx } = context(cwd);
    const error = await failure(
      runLayout(ctx, etcdPreset({ hosts: ['127.0.0.1', '127.0.0.9'] }), { dir: 'etcd-cert', force: true, fs: failOn('rename', 3) }),
    );
    expect(error.message).toBe('rename etcd-cert/server.csr: input/output error\nnothing was written');
    expect(contents(dir)).toEqual(before);
  });

  it('a directory in place of a key file stops the run before anything is written', async () => {
    const cwd = mkdtempSync(join(root, 'blocked-'));
    await nodeFs.mkdir(join(cwd, 'etcd-cert', 'server-key.pem'), { recursive: true });
    const error = await failure(runLayout(context(cwd).ctx, etcdPreset({ hosts: ['127.0.0.1'] }), { dir: 'etcd-cert', force: false }));
    expect(error.message).toBe('read etcd-cert/server-key.pem: is a directory');
    expect(readdirSync(join(cwd, 'etcd-cert'))).toEqual(['server-key.pem']);
  });
});

// A read-only mount fails mkdir and open with EROFS; Node's recursive mkdir would report ENOENT instead.
describe('etcd-cert on a read-only file system (EROFS injected)', () => {
  it('a -dir that cannot be made is named with the cause, in Go os.MkdirAll words', async () => {
    const cwd = mkdtempSync(join(root, 'rofs-mkdir-'));
    const error = await failure(
      runLayout(context(cwd).ctx, etcdPreset({ hosts: ['127.0.0.1'] }), {
        dir: 'certs/etcd',
        force: false,
        mkdirFs: failingNthCall('mkdir', 1, 'EROFS'),
      }),
    );
    expect(error.message).toBe('mkdir certs: read-only file system\nnothing was written');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an existing -dir that cannot be written names the first file, relative to -dir as given', async () => {
    const cwd = mkdtempSync(join(root, 'rofs-open-'));
    await nodeFs.mkdir(join(cwd, 'etcd-cert'));
    const error = await failure(
      runLayout(context(cwd).ctx, etcdPreset({ hosts: ['127.0.0.1'] }), {
        dir: 'etcd-cert',
        force: false,
        fs: failingNthCall('open', 1, 'EROFS'),
      }),
    );
    expect(error.message).toBe('open etcd-cert/ca-config.json: read-only file system\nnothing was written');
    expect(readdirSync(join(cwd, 'etcd-cert'))).toEqual([]);
  });
});

describe('etcd-cert and temporary files a killed run left', () => {
  it('a run that keeps every file still removes one older than a minute, and keeps a younger one', async () => {
    const cwd = mkdtempSync(join(root, 'stale-'));
    const dir = join(cwd, 'etcd-cert');
    await runLayout(context(cwd).ctx, etcdPreset(), { dir: 'etcd-cert', force: false });
    const stale = join(dir, '.ca-key.pem.0123456789ab.tmp');
    const young = join(dir, '.server-key.pem.0123456789ab.tmp');
    writeFileSync(stale, readFileSync(join(dir, 'ca-key.pem')), { mode: 0o600 });
    writeFileSync(young, 'key', { mode: 0o600 });
    const anHourAgo = Date.now() / 1000 - 3600;
    utimesSync(stale, anHourAgo, anHourAgo);
    const before = contents(dir);
    const { ctx, stdout } = context(cwd);
    await runLayout(ctx, etcdPreset(), { dir: 'etcd-cert', force: false });
    expect(stdout.join('')).toContain('etcd-cert: 9 kept\n');
    expect(contents(dir)).toEqual(Object.fromEntries(Object.entries(before).filter(([name]) => !name.startsWith('.ca-key.pem.'))));
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual(['.server-key.pem.0123456789ab.tmp']);
  });
});
