#!/usr/bin/env node
// Builds the page into packages/web/dist: index.html and assets/ (one minified script, one stylesheet, names hashed).
// Run after the packages' build (the page imports @cfssl-ts/core and @cfssl-ts/layout from their dist).
// Prints each asset's size, minified and gzipped.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(web, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const result = await build({
  entryPoints: [join(web, 'src/main.ts'), join(web, 'src/styles.css')],
  outdir: join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  // A classic deferred script, so dist/index.html also works opened from disk (file:// refuses module scripts).
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
const assets = Object.keys(result.metafile.outputs).map((path) => join(process.cwd(), path));
const asset = (ext) => {
  const path = assets.find((p) => p.endsWith(ext));
  if (path === undefined) throw new Error(`esbuild wrote no ${ext}`);
  return path;
};
const html = readFileSync(join(web, 'src/index.html'), 'utf8')
  .replace('%CSS%', `assets/${basename(asset('.css'))}`)
  .replace('<script type="module" src="%JS%"></script>', `<script defer src="assets/${basename(asset('.js'))}"></script>`);
writeFileSync(join(dist, 'index.html'), html);
for (const path of [join(dist, 'index.html'), ...assets]) {
  const bytes = readFileSync(path);
  console.log(`${relative(web, path)}: ${bytes.length} bytes minified, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
}
