// The docs-example runner's own rules: which blocks are examples, how markers and samples are read and matched.
import { describe, expect, it } from 'vitest';
import { extractDocExamples, HOW_TO_MARK, matchesSample, normaliseOutput, type ShellExample } from './doc-examples.js';

const FENCE = '```';

function shellExamples(markdown: string): ShellExample[] {
  return extractDocExamples(markdown, 'x.md').examples.filter((e): e is ShellExample => e.kind === 'shell');
}

describe('extractDocExamples', () => {
  it('takes sh/bash/shell/console fences as examples and the plain fence right below as the sample', () => {
    const md = [
      'Intro',
      `${FENCE}sh`,
      'cfssl-ts version',
      FENCE,
      '',
      FENCE,
      'Version: 1',
      FENCE,
      `${FENCE}json`,
      '{}',
      FENCE,
      `${FENCE}bash`,
      'echo hi',
      FENCE,
      'prose between',
      FENCE,
      'not a sample: prose comes first',
      FENCE,
    ].join('\n');
    const [a, b, ...rest] = shellExamples(md);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ line: 2, script: 'cfssl-ts version', sample: { line: 6, text: 'Version: 1' }, skip: null, exit: 0 });
    expect(b).toMatchObject({ line: 12, script: 'echo hi', sample: null });
  });

  it('reads skip, before, exit, needs and file markers from the lines right above a fence', () => {
    const md = [
      '<!-- docs-test: file spec.json -->',
      `${FENCE}json`,
      '{"a": 1}',
      FENCE,
      '<!-- docs-test: before mkdir d -->',
      '<!-- docs-test: before touch d/x -->',
      '<!-- docs-test: exit 1 -->',
      '<!-- docs-test: needs kubectl etcd -->',
      `${FENCE}sh`,
      'false',
      FENCE,
      '<!-- docs-test: skip needs a three-host cluster -->',
      `${FENCE}sh`,
      'etcd',
      FENCE,
    ].join('\n');
    const { examples, problems } = extractDocExamples(md, 'x.md');
    expect(problems).toEqual([]);
    expect(examples).toEqual([
      { kind: 'file', file: 'x.md', line: 2, name: 'spec.json', text: '{"a": 1}\n' },
      {
        kind: 'shell',
        file: 'x.md',
        line: 9,
        script: 'false',
        before: ['mkdir d', 'touch d/x'],
        skip: null,
        exit: 1,
        needs: ['kubectl', 'etcd'],
        sample: null,
      },
      {
        kind: 'shell',
        file: 'x.md',
        line: 13,
        script: 'etcd',
        before: [],
        skip: 'needs a three-host cluster',
        exit: 0,
        needs: [],
        sample: null,
      },
    ]);
  });

  it('reports a marker it cannot read with its line and how to mark', () => {
    const md = [
      '<!-- docs-test: skip -->',
      `${FENCE}sh`,
      'etcd',
      FENCE,
      '<!-- docs-test: skp typo here -->',
      `${FENCE}sh`,
      'etcd',
      FENCE,
      '<!-- docs-test: file ../outside -->',
      `${FENCE}json`,
      '{}',
      FENCE,
    ].join('\n');
    const { problems } = extractDocExamples(md, 'x.md');
    expect(problems.map((p) => [p.line, p.message.split('\n')[0]])).toEqual([
      [1, 'docs-test: skip needs a reason of a few words (why it cannot run here)'],
      [5, 'unknown docs-test marker "<!-- docs-test: skp typo here -->" above a shell block'],
      [9, 'docs-test: file needs a relative file name, got "../outside"'],
    ]);
    for (const p of problems) expect(p.message.endsWith(HOW_TO_MARK)).toBe(true);
    expect(HOW_TO_MARK).toContain('<!-- docs-test: skip <why it cannot run here');
  });
});

describe('matchesSample', () => {
  it('compares line by line after normalising times, day counts and base64', () => {
    const run =
      '2026/12/06 22:00:01 [INFO] signed\n  ok       valid until 2031-11-27 03:23:00 UTC (1824 days)\n{"cert":"MIIBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\nAAAA"}\n';
    const sample =
      '2025/01/01 00:00:00 [INFO] signed\n  ok       valid until 2030-01-01 00:00:00 UTC (1 day)\n{"cert":"MIIBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}';
    expect(normaliseOutput(run)).toBe('<time> [INFO] signed\n  ok       valid until <time> (<n> days)\n{"cert":"<base64>"}');
    expect(matchesSample(sample, run)).toBe(true);
    expect(matchesSample(sample.replace('signed', 'made'), run)).toBe(false);
  });

  it('takes a line "..." for any lines and "..." inside a line for any text', () => {
    const run = 'a\nb\nc\nhosts: ["1","2","3"]\nend';
    expect(matchesSample('...\nhosts: ["1",...]\nend', run)).toBe(true);
    expect(matchesSample('a\n...\nend', run)).toBe(true);
    expect(matchesSample('a\nend', run)).toBe(false);
    expect(matchesSample('...\nhosts: ["2",...]\nend', run)).toBe(false);
    expect(matchesSample('a\n...', 'a')).toBe(true);
  });
});
