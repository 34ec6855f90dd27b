// cfssl's own multiroot testdata roots files: real multirootca (1.2) and cfssl-ts multirootca start on the same ones
// and refuse the same ones; cfssl-ts's refusal names the file, the line and the section.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMultirootca } from '@cfssl-ts/test-support/multirootca';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudge = requireTool('multirootca');
const TESTDATA = fixturePath('multiroot', 'cfssl-testdata');
const confs = readdirSync(TESTDATA).filter((f) => f.endsWith('.conf'));
// Where Debian's 1.2 build is not cfssl 1.6.5's behaviour: 1.6.5's multirootca links the sqlite3 driver
// (cmd/multirootca/ca.go imports go-sqlite3), Debian's 1.2 binary answers `sql: unknown driver "sqlite3"`.
const STARTS_IN_1_6: ReadonlySet<string> = new Set(['roots_db.conf']);

describe.skipIf(!haveJudge)('roots files: cfssl-ts multirootca starts exactly where real multirootca starts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-multiroot-files-'));
    // cfssl's paths are relative to the working directory: testdata/server.key, ...
    cpSync(TESTDATA, join(dir, 'testdata'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without -roots, or with a roots file that cannot be read, both exit 1 with the same words', async () => {
    for (const args of [[], ['-roots', 'testdata/enoent.conf']]) {
      const cfssl = await startMultirootca('cfssl', args, dir);
      const ts = await startMultirootca('cfssl-ts', args, dir);
      expect([await cfssl.stop(), await ts.stop()]).toEqual([1, 1]);
      const words = /\[FATAL\] (.*)\n/.exec(cfssl.log())![1]!;
      expect(words).toMatch(/^(no root file specified|open testdata\/enoent\.conf: no such file or directory)$/);
      expect(ts.log().trim()).toBe(words);
    }
  });

  it('has the files cfssl tests with', () => {
    expect(confs.length).toBeGreaterThanOrEqual(20);
  });

  it.each(confs)(
    '%s',
    async (conf) => {
      const outcome = async (flavour: 'cfssl' | 'cfssl-ts') => {
        const run = await startMultirootca(flavour, ['-roots', `testdata/${conf}`], dir);
        const refused = run.exited() !== undefined;
        const code = await run.stop();
        return { refused, code, log: run.log() };
      };
      const cfssl = await outcome('cfssl');
      const ts = await outcome('cfssl-ts');
      if (STARTS_IN_1_6.has(conf)) {
        expect(cfssl.log).toContain('sql: unknown driver "sqlite3"');
        expect(ts.refused, ts.log).toBe(false);
      } else expect(ts.refused, `cfssl: ${cfssl.log}\ncfssl-ts: ${ts.log}`).toBe(cfssl.refused);
      if (ts.refused) {
        expect(ts.code).toBe(1);
        expect(cfssl.code).toBe(1);
        expect(ts.log).toMatch(/\[FATAL\]|\[ERROR\]|: /);
        expect(ts.log).toContain(`testdata/${conf}`);
        expect(ts.log).not.toMatch(/\n\s+at /); // no stack trace
      } else {
        // SIGTERM: stop accepting, then exit 0
        expect(ts.code).toBe(0);
      }
    },
    30_000,
  );
});
