#!/usr/bin/env node
// `pnpm web`: serves the built page (packages/web/dist) on 127.0.0.1 and prints its URL; Ctrl-C stops it.
// The port is $PORT, else 8417, else any free one.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('packages/web/dist/index.html is missing: run pnpm run build first');
  process.exit(1);
}
const wanted = Number(process.env.PORT ?? 8417);
const { url } = await serveStatic(dist, wanted).catch((error) => {
  if (error?.code !== 'EADDRINUSE') throw error;
  return serveStatic(dist, 0);
});
console.log(`cfssl-ts web page: ${url}  (Ctrl-C to stop)`);
