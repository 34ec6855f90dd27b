// The packages as npm users get them: `pnpm pack:all` tarballs checked by publint and attw, installed offline into
// a fresh project, the README quick starts run in ESM and through require() (Node 20.19's require(esm)) and
// type-checked strictly under node16, nodenext and bundler resolution with skipLibCheck off.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { runAsync, type RunResult } from '@cfssl-ts/test-support/run-async';

const TARBALLS = { core: 'cfssl-ts-core-0.1.0.tgz', layout: 'cfssl-ts-layout-0.1.0.tgz', cli: 'cfssl-ts-0.1.0.tgz' } as const;
const bin = (name: string): string => join(REPO_ROOT, 'node_modules', '.bin', name);
let work = '';
let packs = '';
let project = '';

// The first ```js block under a README's "## Quick start" heading: the code the README promises works.
function quickStart(pkg: 'core' | 'layout'): string {
  const readme = readFileSync(join(REPO_ROOT, 'packages', pkg, 'README.md'), 'utf8');
  const m = /^## Quick start\n[\s\S]*?^```js\n([\s\S]*?)^```$/m.exec(readme);
  if (!m?.[1]) throw new Error(`packages/${pkg}/README.md has no js block under "## Quick start"`);
  return m[1];
}

// The same script as CommonJS: imports become require() calls, the body an async function.
function asCommonJs(esm: string): string {
  const body = esm.replace(
    /^import \{([^}]*)\} from '([^']+)';$/gm,
    (_, names: string, from: string) => `const {${names}} = require('${from}');`,
  );
  const requires = body.split('\n').filter((l) => l.startsWith('const {') && l.includes('require('));
  const rest = body.split('\n').filter((l) => !requires.includes(l));
  return `${requires.join('\n')}\n(async () => {\n${rest.join('\n')}\n})().catch((e) => { console.error(e); process.exit(1); });\n`;
}

async function ok(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  const r = await runAsync(cmd, args, cwd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${String(r.status)}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cfssl-ts-pack-'));
  packs = join(work, 'packs');
  project = join(work, 'consumer');
  mkdirSync(project);
  const packed = await ok('node', [join(REPO_ROOT, 'scripts', 'pack-all.mjs'), packs], REPO_ROOT);
  expect(packed.stdout.trim().split('\n').sort()).toEqual(
    Object.values(TARBALLS)
      .map((t) => join(packs, t))
      .sort(),
  );
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const tgz = Object.values(TARBALLS).map((t) => join(packs, t));
  // Offline: the tarballs depend only on each other (core has no runtime dependency).
  await ok('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tgz], project);
}, 300_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('packed tarballs', () => {
  it('hold package.json without workspace: ranges, README.md, the repository LICENSE, and no tests', async () => {
    const license = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
    for (const [pkg, tgz] of Object.entries(TARBALLS)) {
      const files = (await ok('tar', ['-tzf', join(packs, tgz)], packs)).stdout.trim().split('\n');
      expect(files, pkg).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']));
      expect(
        files.filter((f) => f.endsWith('.test.ts') || f.endsWith('.test.js')),
        pkg,
      ).toEqual([]);
      expect((await ok('tar', ['-xzOf', join(packs, tgz), 'package/LICENSE'], packs)).stdout, pkg).toBe(license);
      const manifest = (await ok('tar', ['-xzOf', join(packs, tgz), 'package/package.json'], packs)).stdout;
      expect(manifest, pkg).not.toContain('workspace:');
    }
    const core = JSON.parse(readFileSync(join(project, 'node_modules', '@cfssl-ts', 'core', 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(core.dependencies ?? {}).toEqual({});
  });

  it('publint finds nothing (warnings and suggestions included)', async () => {
    for (const tgz of Object.values(TARBALLS)) {
      const r = await runAsync(bin('publint'), ['run', join(packs, tgz), '--strict', '--level', 'suggestion'], packs, {
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      });
      expect([r.status, r.stdout.trim().split('\n').pop()], `${tgz}\n${r.stdout}${r.stderr}`).toEqual([0, 'All good!']);
    }
  });

  // ESM only: node10 and CommonJS-under-node16 are not supported targets (Node 20.19's require(esm) is, run below).
  it('@arethetypeswrong/cli finds no problem in the typed packages (profile esm-only)', async () => {
    for (const tgz of [TARBALLS.core, TARBALLS.layout]) {
      const r = await runAsync(bin('attw'), [join(packs, tgz), '--profile', 'esm-only', '--format', 'json'], packs);
      const report = JSON.parse(r.stdout) as { problems?: Record<string, { resolutionKind: string }[]> };
      // the esm-only profile ignores node10 and node16-cjs: the JSON report lists them all
      const problems = Object.values(report.problems ?? {})
        .flat()
        .filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
      expect([r.status, problems], tgz).toEqual([0, []]);
    }
  });

  it('the core README quick start runs on the installed tarballs, in ESM and through require()', async () => {
    writeFileSync(join(project, 'quick-start.mjs'), quickStart('core'));
    writeFileSync(join(project, 'quick-start.cjs'), asCommonJs(quickStart('core')));
    for (const script of ['quick-start.mjs', 'quick-start.cjs']) {
      const r = await ok('node', [script], project);
      expect(r.stdout, script).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]*-----BEGIN EC PRIVATE KEY-----/);
      expect(r.stdout, script).toContain("[ 'etcd.local', '127.0.0.1' ]");
      expect(r.stderr, script).toBe('');
    }
  });

  it('the layout README quick start writes etcd-cert/ and its check finds no problem; the installed bins read it', async () => {
    writeFileSync(join(project, 'layout-quick-start.mjs'), quickStart('layout'));
    expect((await ok('node', ['layout-quick-start.mjs'], project)).stdout).toBe('0\n');
    expect(readdirSync(join(project, 'etcd-cert'))).toEqual(
      expect.arrayContaining(['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem']),
    );
    const binDir = join(project, 'node_modules', '.bin');
    expect((await ok(join(binDir, 'cfssl-ts'), ['check', 'etcd-cert'], project)).status).toBe(0);
    const ours = await ok(join(binDir, 'cfssl-certinfo-ts'), ['-cert', 'etcd-cert/server.pem'], project);
    expect(ours.stdout).toBe((await ok(join(binDir, 'cfssl-ts'), ['certinfo', '-cert', 'etcd-cert/server.pem'], project)).stdout);
    expect((await ok(join(binDir, 'cfssljson-ts'), ['-version'], project)).stdout).toMatch(/^Version: /);
  });

  it('every source map in the installed packages resolves: each source is shipped or embedded', () => {
    const maps: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.map')) maps.push(join(dir, e.name));
      }
    };
    for (const pkg of ['@cfssl-ts/core', '@cfssl-ts/layout', 'cfssl-ts']) walk(join(project, 'node_modules', pkg));
    expect(maps.length).toBeGreaterThan(100);
    const unresolved: string[] = [];
    for (const map of maps) {
      const m = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[]; sourceRoot?: string };
      m.sources.forEach((source, i) => {
        if (typeof m.sourcesContent?.[i] === 'string') return;
        if (!existsSync(join(dirname(map), m.sourceRoot ?? '', source))) unresolved.push(`${map}: ${source}`);
      });
    }
    expect(unresolved).toEqual([]);
  });
});

const RESOLUTIONS = [
  ['node16', 'node16'],
  ['nodenext', 'nodenext'],
  ['preserve', 'bundler'],
] as const;

async function typeCheck(module: string, moduleResolution: string, lib: string[]): Promise<string> {
  const dir = join(project, `types-${moduleResolution}-${lib.join('-')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'core-quick-start.mts'), `${quickStart('core')}export {};\n`);
  writeFileSync(join(dir, 'layout-quick-start.mts'), `${quickStart('layout')}export {};\n`);
  const compilerOptions = {
    module,
    moduleResolution,
    target: 'ES2022',
    lib,
    types: ['node'],
    typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.mts'] }));
  const r = await runAsync(bin('tsc'), ['-p', 'tsconfig.json'], dir);
  return `${r.stdout}${r.stderr}${r.status === 0 ? '' : `(exit ${String(r.status)})`}`;
}

describe('the README quick starts type-check against the installed .d.ts (strict, skipLibCheck false)', () => {
  it('module node16, nodenext and preserve/bundler resolution, lib ES2022 + DOM, @types/node', async () => {
    const outputs = await Promise.all(RESOLUTIONS.map(([module, resolution]) => typeCheck(module, resolution, ['ES2022', 'DOM'])));
    expect(outputs).toEqual(RESOLUTIONS.map(() => ''));
  }, 240_000);

  // The public .d.ts name only core's own WebCrypto types (keys/webcrypto-types.ts), so a Node project needs no DOM lib.
  it('module node16, nodenext and preserve/bundler resolution, lib ES2022 only (no DOM), @types/node', async () => {
    const outputs = await Promise.all(RESOLUTIONS.map(([module, resolution]) => typeCheck(module, resolution, ['ES2022'])));
    expect(outputs).toEqual(RESOLUTIONS.map(() => ''));
  }, 240_000);
});
