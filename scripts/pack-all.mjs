#!/usr/bin/env node
// `pnpm pack:all [DIR]`: pack the published packages (@cfssl-ts/core, @cfssl-ts/layout, cfssl-ts) into DIR (default
// pack-out/) with `pnpm pack`, which rewrites `workspace:*` to the exact versions (`npm pack` would ship them as is).
// Prints one tarball path a line. `pnpm pack:all` builds first; test/packaging/ calls this script after the gate's build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PUBLISHED_PACKAGES = ['core', 'layout', 'cli'];

const out = resolve(process.argv[2] ?? join(root, 'pack-out'));
mkdirSync(out, { recursive: true });
for (const dir of PUBLISHED_PACKAGES) {
  const r = spawnSync('npx', ['--yes', 'pnpm@10.34.9', 'pack', '--pack-destination', out], {
    cwd: join(root, 'packages', dir),
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error(`pack-all: pnpm pack failed in packages/${dir}`);
    process.exit(1);
  }
  // pnpm's tarball name: the scope's @ dropped, its / turned into -
  const { name, version } = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  console.log(join(out, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`));
}
