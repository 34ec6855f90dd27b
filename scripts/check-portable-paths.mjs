#!/usr/bin/env node
// Fails when a tracked source, test, script or bench file names a path of one machine (an absolute home or
// workspace path) or reaches outside the repository for data (a parent's shared folder). Tests read only from the repository.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = /^(packages|test|scripts|bench|docs)\/.*\.(ts|mts|cts|js|mjs|cjs|sh|go|json|md)$|^README\.md$/;
// A quote, backtick or `=`/space, then a path rooted in a user's or a workspace's directory.
const MACHINE_PATH = /(["'`=\s(])(\/(?:work|home|Users|root|mnt|srv|opt\/[a-z]+\/work)\/[\w.-]|[A-Za-z]:\\\\Users)/;
// `..` + `/shared`, written so that this file does not name it.
const OUTSIDE_REPO = new RegExp(['\\.\\.', 'shared\\b'].join('\\/'));

export function findMachinePaths(files, readText) {
  const findings = [];
  for (const file of files) {
    if (!SCANNED.test(file)) continue;
    const lines = readText(file).split('\n');
    lines.forEach((line, i) => {
      if (MACHINE_PATH.test(line) || OUTSIDE_REPO.test(line)) findings.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return findings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const findings = findMachinePaths(files, (f) => {
    try {
      return readFileSync(join(root, f), 'utf8');
    } catch {
      return '';
    }
  });
  if (findings.length > 0) {
    console.error(`check-portable-paths: ${findings.length} line(s) name a path outside the repository:\n${findings.join('\n')}`);
    process.exit(1);
  }
  console.log(`check-portable-paths: ${files.length} files scanned, no machine path`);
}
