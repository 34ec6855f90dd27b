#!/usr/bin/env node
// cfssl-certinfo-ts: the bundled build (pnpm build) starts faster; the plain tsc output is the fallback.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist-bundle/cfssl-certinfo/main.js', import.meta.url);
await import(existsSync(bundled) ? bundled.href : '../dist/cfssl-certinfo/main.js');
