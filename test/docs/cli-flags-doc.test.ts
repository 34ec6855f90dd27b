// docs/cli.md against the code it mirrors: each command's "Listed flags" against the command table and against what
// `cfssl-ts <command> -h` prints, the commands table against the command table, the Flags table against CFSSL_FLAGS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { COMMANDS } from '../../packages/cli/src/commands/command-table.js';
import { CFSSL_FLAGS } from '../../packages/cli/src/flags/cfssl-flags.js';
import { goFlagDefaultText } from '../../packages/cli/src/flags/go-flag-definition.js';

const CLI_MD = readFileSync(join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');

/** The text of the `### <name>` section (a heading whose first word is the command), or null. */
function section(name: string): string | null {
  const parts = CLI_MD.split(/^(?=##+ )/m);
  return parts.find((p) => new RegExp(`^### \`?${name.replace(/-/g, '\\-')}\`?(\\s|$)`).test(p)) ?? null;
}

/** The flags of the section's "Listed flags: `-a -b`" (or "Listed flags: none"), in order, or null. */
function listedInDoc(text: string): string[] | null {
  const m = /Listed flags: (none|`([^`]*)`)/.exec(text.replace(/\s*\n\s*/g, ' '));
  if (m === null) return null;
  return m[1] === 'none' ? [] : (m[2] ?? '').split(/\s+/).map((f) => f.replace(/^-+/, ''));
}

const flagsLine = (names: readonly string[]) =>
  names.length === 0 ? 'Listed flags: none.' : `Listed flags: \`${names.map((n) => `-${n}`).join(' ')}\`.`;

describe('docs/cli.md, per command', () => {
  for (const name of COMMANDS.keys()) {
    it(`${name}: the flags its section lists are those of the command table and of -h`, async () => {
      const cmd = await (COMMANDS.get(name) as () => Promise<{ listedFlags: readonly string[] }>)();
      const help = await runCfsslInProcess([name, '-h']);
      expect(help.status).toBe(0);
      // `-h` lists the command's flags, then -loglevel (cfssl appends it; ocspserve's usage text indents them further)
      const shown = [...help.stderr.matchAll(/^ +-([\w-]+)=/gm)].map((m) => m[1]);
      expect(shown.at(-1)).toBe('loglevel');
      expect(shown.slice(0, -1), `cfssl-ts ${name} -h`).toEqual([...cmd.listedFlags]);

      const text = section(name);
      if (text === null)
        throw new Error(`docs/cli.md has no "### ${name}" section: add one with its synopsis and "${flagsLine(cmd.listedFlags)}"`);
      const documented = listedInDoc(text);
      if (documented === null || documented.join(' ') !== cmd.listedFlags.join(' ')) {
        throw new Error(
          `docs/cli.md, "### ${name}": ${documented === null ? 'no "Listed flags:" sentence' : `lists ${documented.map((f) => `-${f}`).join(' ')}`}; ` +
            `cfssl-ts ${name} -h lists these (listedFlags of its command file), so write: ${flagsLine(cmd.listedFlags)}`,
        );
      }
    });
  }

  it('the commands table names every command of the command table, and no other', () => {
    const table = CLI_MD.slice(CLI_MD.indexOf('## Commands'), CLI_MD.indexOf('\n## ', CLI_MD.indexOf('## Commands') + 5));
    const rows = [...table.matchAll(/^\| \[`([\w-]+)/gm)].map((m) => m[1]);
    expect(new Set(rows)).toEqual(new Set(COMMANDS.keys()));
  });
});

describe('docs/cli.md, the Flags table', () => {
  const start = CLI_MD.indexOf('## Flags');
  const rows = CLI_MD.slice(start, CLI_MD.indexOf('\n## ', start + 5))
    .split('\n')
    .filter((l) => l.startsWith('| `-'))
    .map((l) => l.split(' | '));

  it('has a row for every flag cfssl-ts defines, and names no flag it does not define', () => {
    const documented = rows.flatMap((cells) => [...(cells[0] ?? '').matchAll(/`-([\w-]+)`/g)].map((m) => m[1]));
    const defined = CFSSL_FLAGS.map((f) => f.name);
    expect(
      documented.filter((f) => f !== undefined && !defined.includes(f)),
      'documented but not defined',
    ).toEqual([]);
    expect(
      defined.filter((f) => !documented.includes(f)),
      'defined but not in the Flags table',
    ).toEqual([]);
  });

  it("gives each single-flag row the flag's default as -h prints it", () => {
    const wrong: string[] = [];
    for (const cells of rows) {
      const m = /^\| `-([\w-]+)`$/.exec(cells[0] ?? '');
      const definition = CFSSL_FLAGS.find((f) => f.name === m?.[1]);
      if (definition === undefined) continue;
      const text = goFlagDefaultText(definition);
      const expected = `\`${text === '' ? '""' : text}\``;
      if (cells[1] !== expected) wrong.push(`-${definition.name}: table says ${cells[1] ?? '(nothing)'}, -h prints ${expected}`);
    }
    expect(wrong).toEqual([]);
  });
});
