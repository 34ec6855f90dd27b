import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import * as nodeFsSync from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { injectedErrno } from '@cfssl-ts/test-support/failing-fs';
import type { PlannedFile } from '../planned-file.js';
import { applyPlan, type LayoutFs } from './apply-plan.js';
import { forgetInFlight, inFlightFiles, removeInFlightFiles, trackInFlight, type InFlightFs } from './in-flight-files.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'in-flight-'));
  removeInFlightFiles();
});

afterEach(async () => {
  removeInFlightFiles();
  await rm(dir, { recursive: true, force: true });
});

const cert = (path: string, contents = 'cert'): PlannedFile => ({ path, contents, mode: 0o644, kind: 'certificate' });
const key = (path: string, contents = 'key'): PlannedFile => ({ path, contents, mode: 0o600, kind: 'private-key' });

/** node:fs/promises whose first `name` call with a destination ending in `/file` runs `during` (the signal handler) first. */
function interrupted(name: 'link' | 'rename', file: string, during: () => void): LayoutFs {
  const real = nodeFs[name];
  let done = false;
  return {
    ...nodeFs,
    [name]: async (from: string, to: string) => {
      if (!done && to.endsWith(`/${file}`)) {
        done = true;
        during();
      }
      return real(from, to);
    },
  };
}

describe('the in-flight registry', () => {
  it('removes tracked files, puts backups back over their targets, and forgets everything', async () => {
    await writeFile(join(dir, '.a.pem.000000000000.tmp'), 'new a');
    await writeFile(join(dir, 'b.pem'), 'new b');
    await writeFile(join(dir, '.b.pem.000000000000.bak'), 'old b');
    trackInFlight(join(dir, '.a.pem.000000000000.tmp'));
    trackInFlight(join(dir, '.b.pem.000000000000.bak'), join(dir, 'b.pem'));
    trackInFlight(join(dir, 'gone.pem'));
    expect(removeInFlightFiles()).toEqual([
      join(dir, '.a.pem.000000000000.tmp'),
      join(dir, '.b.pem.000000000000.bak'),
      join(dir, 'gone.pem'),
    ]);
    expect(await readdir(dir)).toEqual(['b.pem']);
    expect(await readFile(join(dir, 'b.pem'), 'utf8')).toBe('old b');
    expect(inFlightFiles()).toEqual([]);
    expect(removeInFlightFiles()).toEqual([]);
  });

  it('removes a backup that is a hard link of its unchanged target, leaving the target', async () => {
    await writeFile(join(dir, 'b.pem'), 'b');
    nodeFsSync.linkSync(join(dir, 'b.pem'), join(dir, '.b.pem.000000000000.bak'));
    trackInFlight(join(dir, '.b.pem.000000000000.bak'), join(dir, 'b.pem'));
    removeInFlightFiles();
    expect(await readdir(dir)).toEqual(['b.pem']);
    expect(await readFile(join(dir, 'b.pem'), 'utf8')).toBe('b');
  });

  it('goes on past failing calls (injected EIO on unlinkSync and renameSync)', () => {
    const calls: string[] = [];
    const fs: InFlightFs = {
      unlinkSync: (path) => {
        calls.push(`unlink ${String(path)}`);
        throw injectedErrno('EIO');
      },
      renameSync: (from, to) => {
        calls.push(`rename ${String(from)} ${String(to)}`);
        throw injectedErrno('EIO');
      },
    };
    trackInFlight('/x/.b.pem.000000000000.bak', '/x/b.pem');
    trackInFlight('/x/.a.pem.000000000000.tmp');
    expect(removeInFlightFiles(fs)).toHaveLength(2);
    expect(calls).toEqual([
      'rename /x/.b.pem.000000000000.bak /x/b.pem',
      'unlink /x/.b.pem.000000000000.bak',
      'unlink /x/.a.pem.000000000000.tmp',
    ]);
    expect(inFlightFiles()).toEqual([]);
  });

  it('forgets a path, and ignores undefined', () => {
    trackInFlight('/x/a');
    forgetInFlight(undefined);
    forgetInFlight('/x/a');
    expect(inFlightFiles()).toEqual([]);
  });
});

describe('applyPlan and the registry', () => {
  it('tracks each temporary file while it is written and nothing once the plan is done', async () => {
    let seen: string[] = [];
    const fs = interrupted('link', 'b.pem', () => (seen = inFlightFiles()));
    await applyPlan([cert('a.pem'), key('b.pem')], { dir, fs });
    // a.pem is committed (a created target), b.pem's temporary file is about to be linked
    expect(seen).toHaveLength(2);
    expect(seen).toContain(join(dir, 'a.pem'));
    expect(seen.find((path) => path !== join(dir, 'a.pem'))).toMatch(/\/\.b\.pem\.[0-9a-f]{12}\.tmp$/);
    expect(inFlightFiles()).toEqual([]);
  });

  it('tracks nothing after a failed plan', async () => {
    await writeFile(join(dir, 'k.pem'), 'old');
    await expect(applyPlan([cert('a.pem'), key('k.pem')], { dir })).rejects.toThrow('refusing to overwrite');
    const fs: LayoutFs = { ...nodeFs, link: async () => Promise.reject(injectedErrno('EIO')) };
    await expect(applyPlan([cert('a.pem'), cert('b.pem')], { dir, fs })).rejects.toThrow('input/output error');
    expect(inFlightFiles()).toEqual([]);
  });

  it('forgets a temporary file whose creation failed', async () => {
    const fs: LayoutFs = { ...nodeFs, open: async () => Promise.reject(injectedErrno('EACCES')) };
    await expect(applyPlan([cert('a.pem')], { dir, fs })).rejects.toThrow('permission denied');
    expect(inFlightFiles()).toEqual([]);
  });

  it('a signal while new files are committed leaves no file at all', async () => {
    let left: string[] = [];
    const fs = interrupted('link', 'c.pem', () => {
      removeInFlightFiles();
      left = nodeFsSync.readdirSync(dir);
    });
    await applyPlan([cert('a.pem'), key('b.pem'), cert('c.pem')], { dir, fs }).catch(() => undefined);
    expect(left).toEqual([]);
  });

  it('a signal while existing files are replaced puts every replaced file back', async () => {
    await writeFile(join(dir, 'a.pem'), 'old a');
    await writeFile(join(dir, 'b-key.pem'), 'old key');
    await writeFile(join(dir, 'c.pem'), 'old c');
    let left: Record<string, string> = {};
    const fs = interrupted('rename', 'c.pem', () => {
      removeInFlightFiles();
      left = Object.fromEntries(nodeFsSync.readdirSync(dir).map((f) => [f, nodeFsSync.readFileSync(join(dir, f), 'utf8')]));
    });
    await applyPlan([cert('a.pem', 'new a'), key('b-key.pem', 'new key'), cert('c.pem', 'new c'), cert('d.pem')], {
      dir,
      fs,
      force: true,
    }).catch(() => undefined);
    expect(left).toEqual({ 'a.pem': 'old a', 'b-key.pem': 'old key', 'c.pem': 'old c' });
  });

  it('a signal while backups are dropped keeps the new files', async () => {
    await writeFile(join(dir, 'a.pem'), 'old a');
    let left: Record<string, string> = {};
    const fs: LayoutFs = {
      ...nodeFs,
      unlink: async (path) => {
        if (String(path).endsWith('.bak')) {
          removeInFlightFiles();
          left = Object.fromEntries(nodeFsSync.readdirSync(dir).map((f) => [f, nodeFsSync.readFileSync(join(dir, f), 'utf8')]));
        }
        return nodeFs.unlink(path);
      },
    };
    await applyPlan([cert('a.pem', 'new a'), cert('b.pem', 'new b')], { dir, fs }).catch(() => undefined);
    expect(left).toEqual({ 'a.pem': 'new a', 'b.pem': 'new b' });
  });
});
