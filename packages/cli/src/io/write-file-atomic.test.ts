import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError } from './atomic-write-error.js';
import { type AtomicWriteFs, writeFileAtomic, writeFilesAtomic } from './write-file-atomic.js';

let dir: string;
let umask: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-file-atomic-'));
  // the process umask, measured: a file created with 0o777 keeps only the bits the umask lets through
  const probe = join(dir, 'probe');
  await (await open(probe, 'wx', 0o777)).close();
  umask = 0o777 & ~(await stat(probe)).mode;
  await rm(probe);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

async function caught(promise: Promise<unknown>): Promise<AtomicWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtomicWriteError) return error;
    throw error;
  }
  throw new Error('expected an AtomicWriteError');
}

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: injected`), { code });
}

describe('writeFileAtomic', () => {
  it('writes a new file with the requested mode and leaves no temporary file', async () => {
    const path = join(dir, 'ca-key.pem');
    await writeFileAtomic(path, 'secret\n', { mode: 0o600, overwrite: false });
    expect(await readFile(path, 'utf8')).toBe('secret\n');
    expect(await modeOf(path)).toBe(0o600 & ~umask);
    expect(await readdir(dir)).toEqual(['ca-key.pem']);
  });

  it('defaults to mode 0644', async () => {
    const path = join(dir, 'cert.pem');
    await writeFileAtomic(path, 'x', { overwrite: false });
    expect(await modeOf(path)).toBe(0o644 & ~umask);
  });

  it('writes bytes unchanged', async () => {
    const path = join(dir, 'r.der');
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    await writeFileAtomic(path, bytes, { overwrite: false });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('replaces an existing file when overwrite is true, with the new mode', async () => {
    const path = join(dir, 'cert.pem');
    await writeFile(path, 'old', { mode: 0o600 });
    await writeFileAtomic(path, 'new', { mode: 0o644, overwrite: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await modeOf(path)).toBe(0o644 & ~umask);
    expect(await readdir(dir)).toEqual(['cert.pem']);
  });

  it('refuses an existing target when overwrite is false, naming the file', async () => {
    const path = join(dir, 'ca-key.pem');
    await writeFile(path, 'old');
    const error = await caught(writeFileAtomic(path, 'new', { mode: 0o600, overwrite: false }));
    expect(error.code).toBe('EEXIST_REFUSED');
    expect(error.path).toBe(path);
    expect(error.message).toBe(`refusing to overwrite existing file ${path}`);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['ca-key.pem']);
  });

  it('reports a missing directory like Go os.WriteFile does', async () => {
    const path = join(dir, 'nodir', 'x.pem');
    const error = await caught(writeFileAtomic(path, 'x', { overwrite: true }));
    expect(error.code).toBe('WRITE_FAILED');
    expect(error.errno).toBe('ENOENT');
    expect(error.step).toBe('open');
    expect(error.message).toBe(`open ${path}: no such file or directory`);
  });

  it('refuses to replace a directory', async () => {
    const path = join(dir, 'cert.pem');
    await mkdir(path);
    const error = await caught(writeFileAtomic(path, 'x', { overwrite: true }));
    expect(error.errno).toBe('EISDIR');
    expect(error.message).toBe(`open ${path}: is a directory`);
    expect(await readdir(path)).toEqual([]);
  });

  it('removes the temporary file when writing fails', async () => {
    const fs: AtomicWriteFs = {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        return new Proxy(handle, {
          get(target, key) {
            if (key === 'writeFile') return async () => Promise.reject(errno('ENOSPC'));
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      }) as typeof nodeFs.open,
    };
    const path = join(dir, 'cert.pem');
    const error = await caught(writeFileAtomic(path, 'x', { overwrite: true, fs }));
    expect(error.step).toBe('write');
    expect(error.message).toBe(`write ${path}: no space left on device`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to check-then-rename where hard links are not supported', async () => {
    const fs: AtomicWriteFs = { ...nodeFs, link: async () => Promise.reject(errno('EPERM')) };
    const fresh = join(dir, 'a.pem');
    await writeFileAtomic(fresh, 'a', { overwrite: false, fs });
    expect(await readFile(fresh, 'utf8')).toBe('a');

    const taken = join(dir, 'b.pem');
    await writeFile(taken, 'old');
    // the target appears between the first check and the commit: only the commit can see it
    let checks = 0;
    const racing: AtomicWriteFs = {
      ...fs,
      lstat: (async (path: string) => {
        checks++;
        if (checks === 1) return Promise.reject(errno('ENOENT'));
        return nodeFs.lstat(path);
      }) as typeof nodeFs.lstat,
    };
    const error = await caught(writeFileAtomic(taken, 'new', { overwrite: false, fs: racing }));
    expect(error.code).toBe('EEXIST_REFUSED');
    expect(await readFile(taken, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['a.pem', 'b.pem']);
  });

  it('refuses atomically through link() when the target appears after the check', async () => {
    const path = join(dir, 'k.pem');
    const fs: AtomicWriteFs = {
      ...nodeFs,
      lstat: (async () => Promise.reject(errno('ENOENT'))) as unknown as typeof nodeFs.lstat,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        await writeFile(path, 'someone else').catch(() => undefined);
        return handle;
      }) as typeof nodeFs.open,
    };
    const error = await caught(writeFileAtomic(path, 'mine', { overwrite: false, fs }));
    expect(error.code).toBe('EEXIST_REFUSED');
    expect(await readFile(path, 'utf8')).toBe('someone else');
    expect(await readdir(dir)).toEqual(['k.pem']);
  });
});

describe('writeFilesAtomic', () => {
  it('writes every file with its own mode', async () => {
    await writeFilesAtomic(
      [
        { path: join(dir, 'out.pem'), contents: 'cert', mode: 0o644 },
        { path: join(dir, 'out-key.pem'), contents: 'key', mode: 0o600 },
      ],
      { overwrite: false },
    );
    expect(await readFile(join(dir, 'out.pem'), 'utf8')).toBe('cert');
    expect(await modeOf(join(dir, 'out-key.pem'))).toBe(0o600 & ~umask);
    expect((await readdir(dir)).sort()).toEqual(['out-key.pem', 'out.pem']);
  });

  it('leaves nothing new behind when a later target is a directory', async () => {
    await mkdir(join(dir, 'out.csr'));
    const error = await caught(
      writeFilesAtomic(
        [
          { path: join(dir, 'out.pem'), contents: 'cert' },
          { path: join(dir, 'out-key.pem'), contents: 'key', mode: 0o600 },
          { path: join(dir, 'out.csr'), contents: 'csr' },
        ],
        { overwrite: true },
      ),
    );
    expect(error.errno).toBe('EISDIR');
    expect(await readdir(dir)).toEqual(['out.csr']);
    expect(await readdir(join(dir, 'out.csr'))).toEqual([]);
  });

  it('leaves nothing new behind when a later temporary file cannot be created', async () => {
    const error = await caught(
      writeFilesAtomic(
        [
          { path: join(dir, 'out.pem'), contents: 'cert' },
          { path: join(dir, 'missing', 'out.csr'), contents: 'csr' },
        ],
        { overwrite: true },
      ),
    );
    expect(error.errno).toBe('ENOENT');
    expect(error.path).toBe(join(dir, 'missing', 'out.csr'));
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses before writing anything when a file that may not be overwritten exists', async () => {
    await writeFile(join(dir, 'out-key.pem'), 'old key');
    const error = await caught(
      writeFilesAtomic(
        [
          { path: join(dir, 'out.pem'), contents: 'cert' },
          { path: join(dir, 'out-key.pem'), contents: 'key', mode: 0o600, overwrite: false },
        ],
        { overwrite: true },
      ),
    );
    expect(error.code).toBe('EEXIST_REFUSED');
    expect(error.path).toBe(join(dir, 'out-key.pem'));
    expect(await readdir(dir)).toEqual(['out-key.pem']);
    expect(await readFile(join(dir, 'out-key.pem'), 'utf8')).toBe('old key');
  });

  it('undoes files it created when a later rename fails', async () => {
    let renames = 0;
    const fs: AtomicWriteFs = {
      ...nodeFs,
      rename: async (from, to) => {
        renames++;
        if (renames === 3) return Promise.reject(errno('EIO'));
        return nodeFs.rename(from, to);
      },
    };
    await writeFile(join(dir, 'keep.txt'), 'untouched');
    const error = await caught(
      writeFilesAtomic(
        [
          { path: join(dir, 'a.pem'), contents: 'a' },
          { path: join(dir, 'b.pem'), contents: 'b' },
          { path: join(dir, 'c.pem'), contents: 'c' },
          { path: join(dir, 'd.pem'), contents: 'd' },
        ],
        { overwrite: true, fs },
      ),
    );
    expect(error.step).toBe('rename');
    expect(error.message).toBe(`rename ${join(dir, 'c.pem')}: input/output error`);
    expect(await readdir(dir)).toEqual(['keep.txt']);
  });

  it('writes nothing for an empty list', async () => {
    await writeFilesAtomic([], { overwrite: false });
    expect(await readdir(dir)).toEqual([]);
  });
});
