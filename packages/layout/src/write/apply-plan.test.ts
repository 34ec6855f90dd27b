import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedFile } from '../planned-file.js';
import { applyPlan, STALE_SIBLING_MS, type LayoutFs } from './apply-plan.js';
import { LayoutWriteError } from './layout-write-error.js';
import { probeUmask } from '@cfssl-ts/test-support/umask-probe';
import { failingNthCall, injectedErrno } from '@cfssl-ts/test-support/failing-fs';

let dir: string;
let umask: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apply-plan-'));
  umask = await probeUmask(dir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cert = (path: string, contents = 'cert'): PlannedFile => ({ path, contents, mode: 0o644, kind: 'certificate' });
const key = (path: string, contents = 'key'): PlannedFile => ({ path, contents, mode: 0o600, kind: 'private-key' });

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

async function caught(promise: Promise<unknown>): Promise<LayoutWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LayoutWriteError) return error;
    throw error;
  }
  throw new Error('expected a LayoutWriteError');
}

const errno = injectedErrno;
const failingNth = (name: 'rename' | 'link', n: number, code = 'EIO'): LayoutFs => failingNthCall(name, n, code);

describe('applyPlan', () => {
  it('writes keys 0600 and everything else 0644, relative to dir, leaving no temporary file', async () => {
    await applyPlan([cert('ca.pem'), key('ca-key.pem'), { path: 'ca.csr', contents: 'csr', mode: 0o644, kind: 'csr' }], { dir });
    expect((await readdir(dir)).sort()).toEqual(['ca-key.pem', 'ca.csr', 'ca.pem']);
    expect(await modeOf(join(dir, 'ca-key.pem'))).toBe(0o600 & ~umask);
    expect(await modeOf(join(dir, 'ca.pem'))).toBe(0o644 & ~umask);
    expect(await readFile(join(dir, 'ca.pem'), 'utf8')).toBe('cert');
  });

  it('writes bytes unchanged', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    await applyPlan([{ path: 'r.der', contents: bytes, mode: 0o644, kind: 'other' }], { dir });
    expect(new Uint8Array(await readFile(join(dir, 'r.der')))).toEqual(bytes);
  });

  it('replaces an existing certificate with the new mode', async () => {
    await writeFile(join(dir, 'server.pem'), 'old', { mode: 0o600 });
    await applyPlan([cert('server.pem', 'new')], { dir });
    expect(await readFile(join(dir, 'server.pem'), 'utf8')).toBe('new');
    expect(await modeOf(join(dir, 'server.pem'))).toBe(0o644 & ~umask);
    expect(await readdir(dir)).toEqual(['server.pem']);
  });

  it('refuses to replace an existing key without force, before writing anything', async () => {
    await writeFile(join(dir, 'server-key.pem'), 'old key');
    const error = await caught(applyPlan([cert('server.pem'), key('server-key.pem')], { dir }));
    expect(error.code).toBe('ERR_LAYOUT_EXISTS');
    expect(error.path).toBe(join(dir, 'server-key.pem'));
    expect(error.message).toBe(`refusing to overwrite existing file ${join(dir, 'server-key.pem')}`);
    expect(await readdir(dir)).toEqual(['server-key.pem']);
    expect(await readFile(join(dir, 'server-key.pem'), 'utf8')).toBe('old key');
  });

  it('replaces an existing key with force', async () => {
    await writeFile(join(dir, 'server-key.pem'), 'old key');
    await applyPlan([key('server-key.pem', 'new key')], { dir, force: true });
    expect(await readFile(join(dir, 'server-key.pem'), 'utf8')).toBe('new key');
    expect(await modeOf(join(dir, 'server-key.pem'))).toBe(0o600 & ~umask);
  });

  it('refuses a key that appears after the check, through link()', async () => {
    const path = join(dir, 'k.pem');
    const fs: LayoutFs = {
      ...nodeFs,
      lstat: async () => Promise.reject(errno('ENOENT')),
      open: async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        await writeFile(path, 'someone else').catch(() => undefined);
        return handle;
      },
    };
    const error = await caught(applyPlan([key('k.pem', 'mine')], { dir, fs }));
    expect(error.code).toBe('ERR_LAYOUT_EXISTS');
    expect(await readFile(path, 'utf8')).toBe('someone else');
    expect(await readdir(dir)).toEqual(['k.pem']);
  });

  it('reports a missing directory like Go os.WriteFile does', async () => {
    const path = join(dir, 'nodir', 'x.pem');
    const error = await caught(applyPlan([cert(path)]));
    expect(error.code).toBe('ERR_LAYOUT_WRITE');
    expect(error.errno).toBe('ENOENT');
    expect(error.step).toBe('open');
    expect(error.message).toBe(`open ${path}: no such file or directory`);
  });

  it('refuses to replace a directory, before writing anything', async () => {
    await mkdir(join(dir, 'out.csr'));
    const error = await caught(
      applyPlan([cert('out.pem'), key('out-key.pem'), { path: 'out.csr', contents: 'csr', mode: 0o644, kind: 'csr' }], { dir }),
    );
    expect(error.errno).toBe('EISDIR');
    expect(error.message).toBe(`open ${join(dir, 'out.csr')}: is a directory`);
    expect(await readdir(dir)).toEqual(['out.csr']);
  });

  it('removes its temporary files when a write fails (injected ENOSPC)', async () => {
    const fs: LayoutFs = {
      ...nodeFs,
      open: async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        return new Proxy(handle, {
          get(target, name) {
            if (name === 'writeFile') return async () => Promise.reject(errno('ENOSPC'));
            const value = Reflect.get(target, name) as unknown;
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    const error = await caught(applyPlan([cert('a.pem'), cert('b.pem')], { dir, fs }));
    expect(error.step).toBe('write');
    expect(error.message).toBe(`write ${join(dir, 'a.pem')}: no space left on device`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves the directory exactly as it was when a rename fails midway: created files removed, replaced ones restored', async () => {
    await writeFile(join(dir, 'b.pem'), 'old b');
    await writeFile(join(dir, 'keep.txt'), 'untouched');
    // a.pem and c.pem are new (link), b.pem and d.pem replace existing files (rename): fail the second rename (d.pem)
    await writeFile(join(dir, 'd.pem'), 'old d');
    const error = await caught(
      applyPlan([cert('a.pem'), cert('b.pem'), cert('c.pem'), cert('d.pem')], { dir, fs: failingNth('rename', 2) }),
    );
    expect(error.step).toBe('rename');
    expect(error.message).toBe(`rename ${join(dir, 'd.pem')}: input/output error`);
    expect((await readdir(dir)).sort()).toEqual(['b.pem', 'd.pem', 'keep.txt']);
    expect(await readFile(join(dir, 'b.pem'), 'utf8')).toBe('old b');
    expect(await readFile(join(dir, 'd.pem'), 'utf8')).toBe('old d');
  });

  it('undoes files it created when a later link fails', async () => {
    const error = await caught(applyPlan([cert('a.pem'), key('a-key.pem'), cert('a.csr')], { dir, fs: failingNth('link', 3, 'EIO') }));
    expect(error.step).toBe('link');
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to check-then-rename, with a copied backup, where hard links are not supported', async () => {
    const fs: LayoutFs = { ...nodeFs, link: async () => Promise.reject(errno('EPERM')) };
    await writeFile(join(dir, 'b.pem'), 'old b');
    await applyPlan([cert('a.pem', 'a'), cert('b.pem', 'new b')], { dir, fs });
    expect(await readFile(join(dir, 'b.pem'), 'utf8')).toBe('new b');
    expect((await readdir(dir)).sort()).toEqual(['a.pem', 'b.pem']);

    await writeFile(join(dir, 'k.pem'), 'old key');
    const error = await caught(applyPlan([key('k.pem', 'new key')], { dir, fs }));
    expect(error.code).toBe('ERR_LAYOUT_EXISTS');
    expect(await readFile(join(dir, 'k.pem'), 'utf8')).toBe('old key');

    // a replaced file is restored from its copied backup when a later rename fails
    const both: LayoutFs = { ...failingNth('rename', 2), link: async () => Promise.reject(errno('EPERM')) };
    const failed = await caught(applyPlan([cert('b.pem', 'newer b'), cert('c.pem')], { dir, fs: both }));
    expect(failed.step).toBe('rename');
    expect(await readFile(join(dir, 'b.pem'), 'utf8')).toBe('new b');
    expect((await readdir(dir)).sort()).toEqual(['a.pem', 'b.pem', 'k.pem']);
  });

  it('writes the last entry for a path given twice', async () => {
    await applyPlan([cert('x.pem', 'first'), cert('x.pem', 'second')], { dir });
    expect(await readFile(join(dir, 'x.pem'), 'utf8')).toBe('second');
  });

  it('writes nothing for an empty plan', async () => {
    await applyPlan([], { dir });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('applyPlan and files left by a killed run', () => {
  // mtimes are set to T; `now` says how long ago that was
  const T = Date.UTC(2026, 0, 1);
  const STALE_TMP = '.ca-key.pem.0123456789ab.tmp';
  const STALE_BAK = '.ca.pem.abcdef012345.bak';

  async function leftover(name: string, contents = 'PRIVATE KEY'): Promise<void> {
    await writeFile(join(dir, name), contents, { mode: 0o600 });
    await utimes(join(dir, name), T / 1000, T / 1000);
  }
  const plan = [cert('ca.pem'), key('ca-key.pem')];

  it('removes temporary and backup files of its own naming for the files it writes, once older than a minute', async () => {
    await leftover(STALE_TMP);
    await leftover(STALE_BAK);
    await applyPlan(plan, { dir, now: T + STALE_SIBLING_MS + 1000 });
    expect((await readdir(dir)).sort()).toEqual(['ca-key.pem', 'ca.pem']);
  });

  it('keeps younger ones, which may belong to a run writing right now', async () => {
    await leftover(STALE_TMP);
    await leftover(STALE_BAK);
    await utimes(join(dir, STALE_BAK), (T + 2000) / 1000, (T + 2000) / 1000);
    // STALE_TMP is 61 s old, STALE_BAK 59 s
    await applyPlan(plan, { dir, now: T + STALE_SIBLING_MS + 1000 });
    expect((await readdir(dir)).sort()).toEqual([STALE_BAK, 'ca-key.pem', 'ca.pem']);
  });

  it('keeps files for other targets, files not of its naming, and directories', async () => {
    const others = [
      '.server-key.pem.0123456789ab.tmp',
      '.ca.pem.0123456789ab.tmp.old',
      '.ca.pem.0123.tmp',
      'ca.pem.0123456789ab.tmp',
      '.ca.pem.0123456789AB.tmp',
    ];
    for (const name of others) await leftover(name);
    await leftover(STALE_TMP);
    await mkdir(join(dir, STALE_BAK));
    await utimes(join(dir, STALE_BAK), T / 1000, T / 1000);
    await applyPlan(plan, { dir, now: T + 10 * STALE_SIBLING_MS });
    expect((await readdir(dir)).sort()).toEqual([...others, STALE_BAK, 'ca-key.pem', 'ca.pem'].sort());
  });

  it('looks in the directory of each target', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', STALE_TMP), 'key');
    await utimes(join(dir, 'sub', STALE_TMP), T / 1000, T / 1000);
    await applyPlan([cert('ca.pem'), key('sub/ca-key.pem')], { dir, now: T + 2 * STALE_SIBLING_MS });
    expect(await readdir(join(dir, 'sub'))).toEqual(['ca-key.pem']);
  });

  it('still writes the plan when readdir fails while cleaning up (injected EIO), leaving the stale file', async () => {
    await leftover(STALE_TMP);
    const listed: string[] = [];
    const fs: LayoutFs = {
      ...nodeFs,
      readdir: async (path: string) => {
        listed.push(path);
        return Promise.reject(errno('EIO'));
      },
    } as LayoutFs;
    await applyPlan(plan, { dir, fs, now: T + 2 * STALE_SIBLING_MS });
    expect(listed).toEqual([dir]);
    expect((await readdir(dir)).sort()).toEqual([STALE_TMP, 'ca-key.pem', 'ca.pem']);
  });

  for (const name of ['lstat', 'unlink'] as const) {
    it(`still writes the plan when ${name} of a stale file fails (injected EIO), leaving that file and removing the others`, async () => {
      await leftover(STALE_TMP);
      await leftover(STALE_BAK);
      const real = nodeFs[name] as (path: string) => Promise<unknown>;
      const fs: LayoutFs = {
        ...nodeFs,
        [name]: async (path: string) => (path.endsWith(STALE_TMP) ? Promise.reject(errno('EIO')) : real(path)),
      };
      await applyPlan(plan, { dir, fs, now: T + 2 * STALE_SIBLING_MS });
      expect((await readdir(dir)).sort()).toEqual([STALE_TMP, 'ca-key.pem', 'ca.pem']);
    });
  }

  it('judges age by the time it is given, default now', async () => {
    await leftover(STALE_TMP);
    await applyPlan(plan, { dir });
    expect((await readdir(dir)).sort()).toEqual(['ca-key.pem', 'ca.pem']);
  });
});

describe('applyPlan creates its directory', () => {
  it('makes a missing dir and its parents (Go os.MkdirAll), as the CLI does', async () => {
    const target = join(dir, 'a', 'etcd-cert');
    await applyPlan([cert('ca.pem'), key('ca-key.pem')], { dir: target });
    expect((await readdir(target)).sort()).toEqual(['ca-key.pem', 'ca.pem']);
  });

  it('reports a file in the way as a mkdir failure naming the directory', async () => {
    await writeFile(join(dir, 'file'), 'x');
    const target = join(dir, 'file', 'etcd-cert');
    const failure = applyPlan([cert('ca.pem')], { dir: target });
    await expect(failure).rejects.toBeInstanceOf(LayoutWriteError);
    await expect(failure).rejects.toMatchObject({ step: 'mkdir', errno: 'ENOTDIR' });
  });
});
