// cfssl multiroot/config ParseToRawMap and LoadRoot's key checks: the INI-like roots file of multirootca (reference §2.22).
import { CfsslError } from '@cfssl-ts/core';

/** One `[label]` section of a roots file: its keys as written, and where it starts. */
export interface RootSection {
  label: string;
  /** 1-based line of the `[label]` header (or of the first key, for keys before any section: label `default`). */
  line: number;
  entries: ReadonlyMap<string, string>;
}

/** The keys a root needs (cfssl LoadRoot's order) and cfssl's message when one is missing. */
const REQUIRED: readonly (readonly [string, string])[] = [
  ['private', 'config: root is missing private key spec'],
  ['certificate', 'config: root is missing certificate path'],
  ['config', 'config: root is missing configuration file path'],
];

// Go's \s and \w (RE2, ASCII).
const SECTION = /^[\t\n\f\r ]*\[[\t\n\f\r ]*(\w+)[\t\n\f\r ]*\][\t\n\f\r ]*$/s;
const QUOTED_LINE = /^[\t\n\f\r ]*(\w+)[\t\n\f\r ]*=[\t\n\f\r ]*["'](.*)["'][\t\n\f\r ]*$/s;
// cfssl's `(.*)\s*$`: the greedy group keeps trailing blanks in the value.
const LINE = /^[\t\n\f\r ]*(\w+)[\t\n\f\r ]*=[\t\n\f\r ]*(.*)$/s;
const BLANK = /^[\t\n\f\r ]*$/;

function rootsFileError(message: string): CfsslError {
  return new CfsslError('ERR_ROOTS_FILE', 0, message);
}

/**
 * Parse a multirootca roots file as cfssl does: `#` comments in the first column, blank lines, `[label]` sections
 * (label of word characters), `key = value` or `key = "value"` lines; keys before any section go to `default`; a
 * repeated section adds to the first, a repeated key replaces the earlier value. Then every section must name
 * `private`, `certificate` and `config`. Errors (`ERR_ROOTS_FILE`) name the file and line, or the section.
 *
 * @example
 * parseRootsFile('[primary]\nprivate = file://ca-key.pem\ncertificate = ca.pem\nconfig = config.json\n', 'roots.conf');
 * // [{ label: 'primary', line: 1, entries: Map { 'private' => 'file://ca-key.pem', ... } }]
 */
export function parseRootsFile(text: string, fileName: string): RootSection[] {
  const sections = new Map<string, { line: number; entries: Map<string, string> }>();
  let current: { line: number; entries: Map<string, string> } | null = null;
  const section = (label: string, line: number) => {
    let s = sections.get(label);
    if (s === undefined) {
      s = { line, entries: new Map() };
      sections.set(label, s);
    }
    return s;
  };
  // bufio.ScanLines: split on \n, drop one trailing \r; no final empty line.
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const n = i + 1;
    if (line.startsWith('#') || BLANK.test(line)) return;
    const header = SECTION.exec(line);
    if (header) {
      current = section(header[1]!, n);
      return;
    }
    const kv = QUOTED_LINE.exec(line) ?? LINE.exec(line);
    if (kv === null) {
      // cfssl: "invalid config file", without saying where.
      throw rootsFileError(
        `invalid config file: ${fileName}:${String(n)}: expected [label], key = value or a # comment, got ${JSON.stringify(line)}`,
      );
    }
    current ??= section('default', n);
    current.entries.set(kv[1]!, kv[2]!);
  });
  const out: RootSection[] = [];
  for (const [label, s] of sections) {
    for (const [key, message] of REQUIRED) {
      if (!s.entries.has(key)) throw rootsFileError(`${message}: ${fileName}:${String(s.line)}: section [${label}] has no ${key}`);
    }
    out.push({ label, line: s.line, entries: s.entries });
  }
  return out;
}

/**
 * cfssl parsePrivateKeySpec's path: `file://PATH` (URL host and path joined, so `file://ca-key.pem` is the relative
 * `ca-key.pem` and `file:///etc/ca-key.pem` absolute). `rofile://` (Red October) is not supported by cfssl-ts.
 *
 * @example privateKeyPathOf('file://keys/ca-key.pem') // 'keys/ca-key.pem'
 */
export function privateKeyPathOf(spec: string): string {
  if (spec.startsWith('rofile://'))
    throw rootsFileError(`config: Red October private keys (rofile://) are not supported by cfssl-ts: ${spec}`);
  if (!spec.startsWith('file://'))
    throw rootsFileError(`config: unsupported private key scheme: ${JSON.stringify(spec)} (want file://PATH)`);
  // url.Parse drops a query and a fragment.
  const path = spec.slice('file://'.length).split(/[?#]/)[0]!;
  if (path === '') throw rootsFileError(`config: empty private key path: ${JSON.stringify(spec)}`);
  return path;
}
