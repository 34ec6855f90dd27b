// Every TSDoc @example on a symbol the public entries export compiles against the built .d.ts (strict). An example
// is a fragment: names it uses from the entries are imported for it, and the free names it leaves (the `json`,
// `policy` or `keyPem` a reader supplies) are declared `any` after a first pass reports them (TS2304/TS2552/TS18004).
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';

const ENTRIES: Readonly<Record<string, string>> = {
  '@cfssl-ts/core': 'packages/core/dist/index.d.ts',
  '@cfssl-ts/core/go': 'packages/core/dist/go/index.d.ts',
  '@cfssl-ts/core/node': 'packages/core/dist/node/index.d.ts',
  '@cfssl-ts/core/bundle': 'packages/core/dist/bundle/index.d.ts',
  '@cfssl-ts/layout': 'packages/layout/dist/index.d.ts',
};

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

interface Example {
  owner: string;
  code: string;
}

// The @example tags of every exported symbol and of its members (methods, properties), with which entry exports what.
function collect(): { examples: Example[]; exportedFrom: Map<string, string> } {
  const program = ts.createProgram(
    Object.values(ENTRIES).map((f) => join(REPO_ROOT, f)),
    OPTIONS,
  );
  const checker = program.getTypeChecker();
  const examples: Example[] = [];
  const exportedFrom = new Map<string, string>();
  const visit = (owner: string, symbol: ts.Symbol, depth: number): void => {
    for (const declaration of symbol.declarations ?? []) {
      for (const tag of ts.getJSDocTags(declaration)) {
        if (tag.tagName.text !== 'example') continue;
        const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
        examples.push({ owner, code: text.replace(/^```\w*\n?|```\s*$/gm, '') });
      }
    }
    if (depth === 0) for (const member of symbol.members?.values() ?? []) visit(`${owner}.${member.name}`, member, 1);
  };
  for (const [specifier, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(join(REPO_ROOT, file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`no module symbol for ${file}: build first`);
    for (const exported of checker.getExportsOfModule(module)) {
      if (!exportedFrom.has(exported.name)) exportedFrom.set(exported.name, specifier);
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      visit(`${specifier} ${exported.name}`, target, 0);
    }
  }
  return { examples, exportedFrom };
}

// One module per example: imports for the entries' names it uses (unless it imports them itself), then the code.
function moduleText(example: Example, exportedFrom: ReadonlyMap<string, string>, free: readonly string[]): string {
  const own = new Set([...example.code.matchAll(/^import\s*\{([^}]*)\}/gm)].flatMap((m) => (m[1] ?? '').split(',').map((s) => s.trim())));
  const used = new Set(example.code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const bySpecifier = new Map<string, string[]>();
  for (const name of used) {
    const specifier = exportedFrom.get(name);
    if (specifier === undefined || own.has(name)) continue;
    bySpecifier.set(specifier, [...(bySpecifier.get(specifier) ?? []), name]);
  }
  const imports = [...bySpecifier].map(([specifier, names]) => `import { ${names.join(', ')} } from '${specifier}';`);
  const ownImports = example.code.split('\n').filter((l) => l.startsWith('import '));
  const body = example.code.split('\n').filter((l) => !l.startsWith('import '));
  const declarations = free.map((name) => `declare const ${name}: any;`);
  return [`// ${example.owner}`, ...ownImports, ...imports, ...declarations, ...body, 'export {};', ''].join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'cfssl-ts-examples-'));
// the repository's node_modules resolve @cfssl-ts/core and @cfssl-ts/layout to the built packages
symlinkSync(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function diagnose(files: readonly string[]): readonly ts.Diagnostic[] {
  return ts.getPreEmitDiagnostics(ts.createProgram(files, OPTIONS));
}

describe('TSDoc @example blocks of the public entries', () => {
  it('compile under strict NodeNext against dist, free names aside', () => {
    const { examples, exportedFrom } = collect();
    expect(examples.length).toBeGreaterThan(70);
    const files = examples.map((_, i) => join(work, `example-${String(i)}.mts`));
    const write = (free: ReadonlyMap<string, Set<string>>): void => {
      examples.forEach((e, i) => writeFileSync(files[i] ?? '', moduleText(e, exportedFrom, [...(free.get(files[i] ?? '') ?? [])])));
    };
    write(new Map());
    // first pass: the names an example leaves to its reader
    const free = new Map<string, Set<string>>();
    for (const d of diagnose(files)) {
      if ((d.code === 2304 || d.code === 2552 || d.code === 18004) && d.file) {
        const name = /(?:Cannot find name|shorthand property) '([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))?.[1];
        if (name !== undefined) free.set(d.file.fileName, new Set([...(free.get(d.file.fileName) ?? []), name]));
      }
    }
    write(free);
    const problems = diagnose(files).map((d) => {
      const where = d.file ? `${d.file.text.split('\n')[0] ?? ''} (${d.file.fileName})` : '';
      return `${where}: TS${String(d.code)} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(problems).toEqual([]);
  }, 180_000);
});
