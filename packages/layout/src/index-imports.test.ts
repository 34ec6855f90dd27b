// @cfssl-ts/layout's index must bundle for a browser: nothing it reaches, through layout and core, imports a Node
// built-in. The writer is the '@cfssl-ts/layout/node' entry, whose graph does (and is walked too, so the walk is seen to find them).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGES = resolve(__dirname, '..', '..');

// Workspace entries, as package.json exports map them, to their sources.
const ENTRIES = new Map([
  ['@cfssl-ts/core', join(PACKAGES, 'core/src/index.ts')],
  ['@cfssl-ts/core/go', join(PACKAGES, 'core/src/go/index.ts')],
  ['@cfssl-ts/core/bundle', join(PACKAGES, 'core/src/bundle/index.ts')],
  ['@cfssl-ts/core/node', join(PACKAGES, 'core/src/node/index.ts')],
  ['@cfssl-ts/layout', join(PACKAGES, 'layout/src/index.ts')],
  ['@cfssl-ts/layout/node', join(PACKAGES, 'layout/src/node/index.ts')],
]);

const SPECIFIER = /(?:\bimport|\bexport)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface ImportGraph {
  files: string[];
  /** Every specifier that is neither relative nor a workspace entry, with the file importing it. */
  external: string[];
}

function walk(entry: string): ImportGraph {
  const seen = new Set<string>();
  const external: string[] = [];
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
        expect(existsSync(target), `${file} imports ${specifier}`).toBe(true);
        queue.push(target);
      } else {
        const workspace = ENTRIES.get(specifier);
        if (workspace === undefined) external.push(`${relative(PACKAGES, file)}: ${specifier}`);
        else queue.push(workspace);
      }
    }
  }
  return { files: [...seen], external };
}

describe('the import graph of @cfssl-ts/layout', () => {
  it('reaches no Node built-in and no third-party module from the index', () => {
    const graph = walk(ENTRIES.get('@cfssl-ts/layout') as string);
    expect(graph.files.map((f) => relative(PACKAGES, f))).toEqual(
      expect.arrayContaining(['layout/src/build-layout.ts', 'layout/src/check-layout.ts', 'core/src/index.ts']),
    );
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.external).toEqual([]);
    expect(graph.files.filter((f) => f.includes('/node/'))).toEqual([]);
  });

  it("finds the writer's node: imports from the node entry", () => {
    const graph = walk(ENTRIES.get('@cfssl-ts/layout/node') as string);
    expect(graph.external).toEqual(
      expect.arrayContaining(['layout/src/write/apply-plan.ts: node:fs/promises', 'layout/src/write/in-flight-files.ts: node:fs']),
    );
  });
});
