// The shell examples of the docs as tests: extract each fenced shell block with its markers and the sample output
// below it, run it with the built binaries, compare. The convention is docs/contributing.md's "Examples in the docs".

/** Fence info strings that make a block a shell example. */
const SHELL_LANGS = new Set(['sh', 'shell', 'bash', 'console', 'zsh']);
/** Fence info strings of a sample output block (the fence right below a shell example). */
const SAMPLE_LANGS = new Set(['', 'text']);
const MARKER = /^<!--\s*docs-test:\s*(.*?)\s*-->$/;

/** How to mark a block; printed with every failure so that a new block is marked in one step. */
export const HOW_TO_MARK =
  'Fix the example (or the sample output below it), or mark it on the line right above its opening fence:\n' +
  '  <!-- docs-test: skip <why it cannot run here, e.g. "needs a 3-host cluster"> -->\n' +
  '  <!-- docs-test: before <hidden setup command> -->   (repeatable)\n' +
  '  <!-- docs-test: exit <status> -->                   (an example that fails on purpose)\n' +
  '  <!-- docs-test: needs <program> ... -->             (a program besides cfssl-ts, bash and openssl)\n' +
  'and above a non-shell block it needs as a file:  <!-- docs-test: file <name> -->\n' +
  'See docs/contributing.md, "Examples in the docs".';

/** A fenced shell example of a document. */
export interface ShellExample {
  kind: 'shell';
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  script: string;
  /** Hidden setup commands (`before` markers), run first in the same shell. */
  before: string[];
  /** The reason given by a `skip` marker, or null when the example runs. */
  skip: string | null;
  /** Expected exit status (`exit` marker), 0 by default. */
  exit: number;
  /** Programs the example runs besides the built binaries, bash and openssl (`needs` marker). */
  needs: string[];
  /** The sample output fence right below, or null. */
  sample: { line: number; text: string } | null;
}

/** A non-shell block written to a file of the document's directory (`file` marker) when the run reaches it. */
export interface FileExample {
  kind: 'file';
  file: string;
  line: number;
  name: string;
  text: string;
}

export type DocExample = ShellExample | FileExample;

/** A marker the runner cannot read: the gate reports it as a failure. */
export interface MarkerProblem {
  file: string;
  line: number;
  message: string;
}

interface Fence {
  line: number;
  lang: string;
  text: string;
  markers: { line: number; text: string }[];
  /** Index of the line after the closing fence. */
  end: number;
}

function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i] ?? '');
    if (open === null) continue;
    const [, indent = '', mark = '```', lang = ''] = open;
    const markers: { line: number; text: string }[] = [];
    for (let j = i - 1; j >= 0 && MARKER.test((lines[j] ?? '').trim()); j--)
      markers.unshift({ line: j + 1, text: (lines[j] ?? '').trim() });
    let j = i + 1;
    const body: string[] = [];
    while (j < lines.length && !(lines[j] ?? '').trim().startsWith(mark)) {
      const l = lines[j] ?? '';
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l);
      j++;
    }
    out.push({ line: i + 1, lang: lang.toLowerCase(), text: body.join('\n'), markers, end: j + 1 });
    i = j;
  }
  return out;
}

/**
 * Every shell example and `file` block of a Markdown document, in order, with the problems of its markers.
 *
 * @example
 * const { examples, problems } = extractDocExamples(readFileSync('docs/guide.md', 'utf8'), 'docs/guide.md');
 */
export function extractDocExamples(markdown: string, file: string): { examples: DocExample[]; problems: MarkerProblem[] } {
  const lines = markdown.split('\n');
  const all = fences(markdown);
  const examples: DocExample[] = [];
  const problems: MarkerProblem[] = [];
  all.forEach((fence, index) => {
    const shell = SHELL_LANGS.has(fence.lang);
    const example: ShellExample = {
      kind: 'shell',
      file,
      line: fence.line,
      script: fence.text,
      before: [],
      skip: null,
      exit: 0,
      needs: [],
      sample: null,
    };
    let fileName: string | null = null;
    for (const marker of fence.markers) {
      const body = (MARKER.exec(marker.text) ?? [])[1] ?? '';
      const [verb = '', ...rest] = body.split(/\s+/);
      const arg = body.slice(verb.length).trim();
      const problem = (message: string) => problems.push({ file, line: marker.line, message: `${message}\n${HOW_TO_MARK}` });
      if (verb === 'file' && !shell) {
        if (!/^[\w.-]+(\/[\w.-]+)*$/.test(arg) || arg.split('/').includes('..'))
          problem(`docs-test: file needs a relative file name, got "${arg}"`);
        else fileName = arg;
      } else if (verb === 'skip' && shell) {
        if (rest.length < 2) problem('docs-test: skip needs a reason of a few words (why it cannot run here)');
        else example.skip = arg;
      } else if (verb === 'before' && shell) {
        if (arg === '') problem('docs-test: before needs a command');
        else example.before.push(arg);
      } else if (verb === 'needs' && shell) {
        if (rest.length === 0 || rest.some((t) => !/^[\w.+-]+$/.test(t))) problem(`docs-test: needs takes program names, got "${arg}"`);
        else example.needs.push(...rest);
      } else if (verb === 'exit' && shell) {
        if (!/^\d+$/.test(arg)) problem(`docs-test: exit needs a number, got "${arg}"`);
        else example.exit = Number(arg);
      } else problem(`unknown docs-test marker "${marker.text}" above a ${shell ? 'shell' : fence.lang || 'plain'} block`);
    }
    if (fileName !== null) examples.push({ kind: 'file', file, line: fence.line, name: fileName, text: `${fence.text}\n` });
    if (!shell) return;
    const next = all[index + 1];
    if (next !== undefined && SAMPLE_LANGS.has(next.lang) && next.markers.length === 0) {
      const between = lines.slice(fence.end, next.line - 1);
      if (between.every((l) => l.trim() === '')) example.sample = { line: next.line, text: next.text };
    }
    examples.push(example);
  });
  return { examples, problems };
}

/**
 * What may differ between a run and the sample, made equal on both sides: times (Go's log clock, RFC 3339,
 * `YYYY-MM-DD HH:MM:SS UTC`), day counts `(N days)`, base64 of keys and certificates (40 or more characters,
 * also inside JSON strings), and the temporary directory.
 */
export function normaliseOutput(text: string, tmp = '\u0000'): string {
  return text
    .split(tmp)
    .join('<tmp>')
    .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?( UTC|Z|[+-]\d\d:\d\d)?/g, '<time>')
    .replace(/\(\d+ days?\)/g, '(<n> days)')
    .replace(/(?:[A-Za-z0-9+/=]|\\n){40,}/g, '<base64>')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n+$/, '');
}

function lineMatches(sample: string, actual: string): boolean {
  if (!sample.includes('...')) return sample === actual;
  const pattern = sample
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(actual);
}

/**
 * Whether the output matches the sample, after {@link normaliseOutput} of both: line by line, a sample line
 * `...` standing for any number of lines and `...` inside a line for any text.
 */
export function matchesSample(sampleText: string, actualText: string): boolean {
  const sample = normaliseOutput(sampleText).split('\n');
  const actual = normaliseOutput(actualText).split('\n');
  const match = (s: number, a: number): boolean => {
    if (s === sample.length) return a === actual.length;
    if ((sample[s] ?? '').trim() === '...') {
      for (let k = a; k <= actual.length; k++) if (match(s + 1, k)) return true;
      return false;
    }
    return a < actual.length && lineMatches(sample[s] ?? '', actual[a] ?? '') && match(s + 1, a + 1);
  };
  return match(0, 0);
}
