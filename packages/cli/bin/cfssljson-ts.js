#!/usr/bin/env node
// cfssljson-ts: the bundled build (pnpm build) starts faster; the plain tsc output is the fallback.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist-bundle/cfssljson/main.js', import.meta.url);
await import(existsSync(bundled) ? bundled.href : '../dist/cfssljson/main.js');
