#!/usr/bin/env node
// The bundled build (pnpm build) starts faster; the plain tsc output is the fallback.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist-bundle/main.js', import.meta.url);
await import(existsSync(bundled) ? bundled.href : '../dist/main.js');
