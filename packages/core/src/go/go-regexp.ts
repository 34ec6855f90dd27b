// Go regexp.Compile (RE2 syntax, Go 1.19–1.21 parser) translated to an equivalent JavaScript RegExp.
// The parser follows Go regexp/syntax.parse token by token so that the same patterns fail with the
// same error; the tree it builds is then written out as a `u`-flag JS pattern.

/**
 * A pattern Go's `regexp.Compile` rejects (message in Go's format), or a valid Go pattern this
 * translator cannot express in JavaScript (`unsupported` is then true).
 *
 * @example
 * try { compileGoRegexp('a(b') } catch (e) { (e as GoRegexpError).message } // 'error parsing regexp: missing closing ): `a(b`'
 */
export class GoRegexpError extends Error {
  override readonly name = 'GoRegexpError';
  /** Go's regexp/syntax ErrorCode text, e.g. `missing closing )`. */
  readonly code: string;
  /** The offending part of the pattern, as Go reports it. */
  readonly expr: string;
  /** True when Go accepts the pattern but it has no JavaScript translation here. */
  readonly unsupported: boolean;

  constructor(code: string, expr: string, unsupported = false) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.code = code;
    this.expr = expr;
    this.unsupported = unsupported;
  }
}

const MAX_RUNE = 0x10ffff;
const MAX_REPEAT = 1000; // Go regexp/syntax maxRepeat
const MAX_HEIGHT = 1000; // Go regexp/syntax maxHeight
const MAX_SIZE = Math.floor((128 << 20) / 40); // Go regexp/syntax maxSize, in instructions
// Go parseEscape C escapes: \a \f \n \r \t \v.
const C_ESCAPES: ReadonlyMap<number, number> = new Map([
  [0x61, 7],
  [0x66, 12],
  [0x6e, 10],
  [0x72, 13],
  [0x74, 9],
  [0x76, 11],
]);

type Range = [lo: number, hi: number];

/** A Unicode property as JS class-body text for the set and for its complement. */
interface Prop {
  body: string;
  negBody: string;
  negated: boolean;
}

interface CharClass {
  ranges: Range[];
  props: Prop[];
  negated: boolean;
}

type NodeBody =
  | { k: 'empty' }
  | { k: 'lit'; cp: number; fold: boolean }
  | { k: 'cls'; cls: CharClass; fold: boolean }
  | { k: 'any'; nl: boolean }
  | { k: 'assert'; js: string }
  | { k: 'capture'; sub: Node }
  | { k: 'cat'; subs: Node[] }
  | { k: 'alt'; subs: Node[] }
  | { k: 'rep'; sub: Node; min: number; max: number; greedy: boolean; counted: boolean };

/** A parsed node with its tree height and Go's estimate of its compiled size (calcSize). */
type Node = NodeBody & { h: number; size: number };

function measured(body: NodeBody): Node {
  switch (body.k) {
    case 'capture':
      return { ...body, h: body.sub.h + 1, size: 2 + body.sub.size };
    case 'cat':
    case 'alt': {
      const h = 1 + Math.max(...body.subs.map((n) => n.h));
      const sum = body.subs.reduce((acc, n) => acc + n.size, 0);
      return { ...body, h, size: Math.max(1, body.k === 'alt' ? sum + body.subs.length - 1 : sum) };
    }
    case 'rep': {
      const sub = body.sub.size;
      let size: number;
      if (body.max === -1) size = body.min === 0 ? 2 + sub : body.counted ? 1 + body.min * sub : 1 + sub;
      else if (!body.counted) size = 1 + sub;
      else size = body.max * sub + (body.max - body.min);
      return { ...body, h: body.sub.h + 1, size: Math.max(1, size) };
    }
    default:
      return { ...body, h: 1, size: 1 };
  }
}

interface Flags {
  fold: boolean; // (?i)
  multiLine: boolean; // (?m)
  dotNl: boolean; // (?s)
  nonGreedy: boolean; // (?U)
}

interface Frame {
  alts: Node[];
  cur: Node[];
  capture: boolean;
  saved: Flags;
}

const cp0 = (s: string): number => s.codePointAt(0) ?? 0;
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isOctal = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x37;
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const unhex = (c: number | undefined): number => {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
};

// ---- character sets ---------------------------------------------------------------------------

// Go cleanClass: sort and merge.
function cleanRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

// Go negateClass over a clean class.
function negateRanges(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of cleanRanges(ranges)) {
    if (next <= lo - 1) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const inRanges = (ranges: Range[], c: number): boolean => ranges.some(([lo, hi]) => lo <= c && c <= hi);

// Go appendFoldedClass for the ASCII-only Perl and POSIX groups: letters gain their other case,
// s and k gain ſ (U+017F) and the Kelvin sign (U+212A).
function asciiFoldClose(ranges: Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (let c = 0x41; c <= 0x5a; c++) {
    const lower = c + 0x20;
    if (inRanges(ranges, c) || inRanges(ranges, lower)) out.push([c, c], [lower, lower]);
  }
  if (inRanges(ranges, 0x73) || inRanges(ranges, 0x53)) out.push([0x17f, 0x17f]);
  if (inRanges(ranges, 0x6b) || inRanges(ranges, 0x4b)) out.push([0x212a, 0x212a]);
  return cleanRanges(out);
}

// Simple case-folding orbits (Go unicode.SimpleFold), built once on demand from the JS engine:
// candidates linked by toLowerCase/toUpperCase, split by what a /x/iu pattern actually matches.
let orbitTable: Map<number, number[]> | null = null;
const MIN_FOLD = 0x41;
const MAX_FOLD = 0x1e943;

function orbits(): Map<number, number[]> {
  if (orbitTable !== null) return orbitTable;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (let c = MIN_FOLD; c <= MAX_FOLD; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    for (const t of [s.toLowerCase(), s.toUpperCase()]) {
      const o = cp0(t);
      if (t !== s && t.length === String.fromCodePoint(o).length && o >= MIN_FOLD && o <= MAX_FOLD) union(c, o);
    }
  }
  const components = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    components.set(r, [...(components.get(r) ?? []), c]);
  }
  const table = new Map<number, number[]>();
  for (const members of components.values()) {
    const classes: { re: RegExp; members: number[] }[] = [];
    for (const m of members) {
      const ch = String.fromCodePoint(m);
      const home = classes.find((k) => k.re.test(ch));
      if (home) home.members.push(m);
      else classes.push({ re: new RegExp(`^\\u{${m.toString(16)}}$`, 'iu'), members: [m] });
    }
    for (const k of classes) {
      if (k.members.length < 2) continue;
      const sorted = [...k.members].sort((a, b) => a - b);
      for (const m of sorted) table.set(m, sorted);
    }
  }
  orbitTable = table;
  return table;
}

const orbitOf = (c: number): number[] => (c < MIN_FOLD || c > MAX_FOLD ? [c] : (orbits().get(c) ?? [c]));

// Go appendFoldedRange for any ranges.
function foldClose(ranges: Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [c, orbit] of orbits()) {
    if (inRanges(ranges, c)) for (const o of orbit) out.push([o, o]);
  }
  return cleanRanges(out);
}

// fold(X) for a Unicode property X, enumerated once per property: what /[X]/iu matches.
const foldedProps = new Map<string, Range[]>();
function foldedPropRanges(body: string): Range[] {
  const cached = foldedProps.get(body);
  if (cached !== undefined) return cached;
  const re = new RegExp(`[${body}]`, 'iu');
  const out: Range[] = [];
  for (let c = 0; c <= MAX_RUNE; c++) {
    if (!re.test(String.fromCodePoint(c))) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  foldedProps.set(body, out);
  return out;
}

function isFoldClosed(node: Node): boolean {
  if (node.k === 'lit') return orbitOf(node.cp).length === 1;
  if (node.k === 'cls') {
    if (node.cls.props.length > 0) return false;
    const clean = cleanRanges(node.cls.ranges);
    const closed = foldClose(clean);
    return closed.length === clean.length && closed.every(([lo, hi], i) => clean[i]![0] === lo && clean[i]![1] === hi);
  }
  return true;
}

// Go perl_groups.go
const DIGITS: Range[] = [[0x30, 0x39]];
const SPACES: Range[] = [
  [0x09, 0x0a],
  [0x0c, 0x0d],
  [0x20, 0x20],
];
const WORD: Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const PERL_GROUPS: ReadonlyMap<number, [sign: 1 | -1, ranges: Range[]]> = new Map([
  [0x64, [1, DIGITS]], // \d
  [0x44, [-1, DIGITS]], // \D
  [0x73, [1, SPACES]], // \s
  [0x53, [-1, SPACES]], // \S
  [0x77, [1, WORD]], // \w
  [0x57, [-1, WORD]], // \W
]);

const POSIX_GROUPS: ReadonlyMap<string, Range[]> = new Map<string, Range[]>([
  [
    'alnum',
    [
      [0x30, 0x39],
      [0x41, 0x5a],
      [0x61, 0x7a],
    ],
  ],
  [
    'alpha',
    [
      [0x41, 0x5a],
      [0x61, 0x7a],
    ],
  ],
  ['ascii', [[0x00, 0x7f]]],
  [
    'blank',
    [
      [0x09, 0x09],
      [0x20, 0x20],
    ],
  ],
  [
    'cntrl',
    [
      [0x00, 0x1f],
      [0x7f, 0x7f],
    ],
  ],
  ['digit', [[0x30, 0x39]]],
  ['graph', [[0x21, 0x7e]]],
  ['lower', [[0x61, 0x7a]]],
  ['print', [[0x20, 0x7e]]],
  [
    'punct',
    [
      [0x21, 0x2f],
      [0x3a, 0x40],
      [0x5b, 0x60],
      [0x7b, 0x7e],
    ],
  ],
  [
    'space',
    [
      [0x09, 0x0d],
      [0x20, 0x20],
    ],
  ],
  ['upper', [[0x41, 0x5a]]],
  ['word', WORD],
  [
    'xdigit',
    [
      [0x30, 0x39],
      [0x41, 0x46],
      [0x61, 0x66],
    ],
  ],
]);

// Go appendGroup: fold first, then negate.
function groupRanges(sign: 1 | -1, ranges: Range[], fold: boolean): Range[] {
  const base = fold ? asciiFoldClose(ranges) : ranges;
  return sign < 0 ? negateRanges(base) : base.map(([lo, hi]): Range => [lo, hi]);
}

// Go 1.20 unicode.Categories keys.
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);
// Unicode long script names that look like 4-letter ISO 15924 codes (which Go does not accept).
const FOUR_LETTER_SCRIPTS = new Set(['Ahom', 'Cham', 'Kawi', 'Lisu', 'Miao', 'Modi', 'Newa', 'Thai', 'Toto']);

// Go unicodeTable (Go 1.20: Any, categories, scripts; names are case-sensitive).
function unicodeProp(name: string): Prop | null {
  if (name === 'Any') return { body: '\\u{0}-\\u{10ffff}', negBody: '', negated: false };
  if (name === 'C') {
    // Go's C is Cc|Cf|Co|Cs: unassigned code points (Cn) are not in it.
    return { body: '\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}', negBody: '\\p{Cn}\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z}', negated: false };
  }
  if (CATEGORIES.has(name)) return { body: `\\p{${name}}`, negBody: `\\P{${name}}`, negated: false };
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) return null;
  if (/^[A-Z][a-z]{3}$/.test(name) && !FOUR_LETTER_SCRIPTS.has(name)) return null;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
  } catch {
    return null;
  }
  return { body: `\\p{Script=${name}}`, negBody: `\\P{Script=${name}}`, negated: false };
}

// ---- parser (Go regexp/syntax.parse with Perl flags) -------------------------------------------

class Parser {
  readonly cps: number[];
  pos = 0;
  flags: Flags = { fold: false, multiLine: false, dotNl: false, nonGreedy: false };
  frames: Frame[];
  readonly leaves: Node[] = [];

  constructor(readonly source: string) {
    this.cps = Array.from(source, cp0);
    this.frames = [{ alts: [], cur: [], capture: false, saved: this.flags }];
  }

  text(from: number, to: number = this.pos): string {
    return this.cps
      .slice(from, to)
      .map((c) => String.fromCodePoint(c))
      .join('');
  }

  error(code: string, expr: string): never {
    throw new GoRegexpError(code, expr);
  }

  get frame(): Frame {
    const f = this.frames[this.frames.length - 1];
    if (f === undefined) throw new Error('regexp parser lost its frame');
    return f;
  }

  // Go parser.checkLimits (height and compiled size; the rune-count limit is not modelled).
  checkLimits(node: Node): Node {
    if (node.size > MAX_SIZE) this.error('expression too large', this.source);
    if (node.h > MAX_HEIGHT) this.error('expression nests too deeply', this.source);
    return node;
  }

  push(node: Node): void {
    if (node.k === 'lit' || node.k === 'cls') this.leaves.push(node);
    this.frame.cur.push(this.checkLimits(node));
  }

  literal(cp: number): void {
    this.push(measured({ k: 'lit', cp, fold: this.flags.fold }));
  }

  pushClass(cls: CharClass): void {
    this.push(measured({ k: 'cls', cls, fold: this.flags.fold }));
  }

  static concat(items: Node[]): Node {
    const flat = items.flatMap((n) => (n.k === 'cat' ? n.subs : [n]));
    if (flat.length === 0) return measured({ k: 'empty' });
    if (flat.length === 1) return flat[0] as Node;
    return measured({ k: 'cat', subs: flat });
  }

  static alternate(alts: Node[]): Node {
    const flat = alts.flatMap((n) => (n.k === 'alt' ? n.subs : [n]));
    if (flat.length === 1) return flat[0] as Node;
    return measured({ k: 'alt', subs: flat });
  }

  closeFrame(f: Frame): Node {
    return Parser.alternate([...f.alts, Parser.concat(f.cur)]);
  }

  parse(): Node {
    const n = this.cps.length;
    let lastRepeat: number | null = null;
    while (this.pos < n) {
      let repeat: number | null = null;
      const c = this.cps[this.pos] ?? 0;
      switch (c) {
        case 0x28: // (
          if (this.cps[this.pos + 1] === 0x3f) {
            this.parsePerlFlags();
          } else {
            this.frames.push({ alts: [], cur: [], capture: true, saved: this.flags });
            this.pos++;
          }
          break;
        case 0x7c: // |
          this.frame.alts.push(Parser.concat(this.frame.cur));
          this.frame.cur = [];
          this.pos++;
          break;
        case 0x29: {
          // )
          if (this.frames.length < 2) this.error('unexpected )', this.source);
          const f = this.frames.pop() as Frame;
          const inner = this.checkLimits(this.closeFrame(f));
          this.flags = f.saved;
          this.push(f.capture ? measured({ k: 'capture', sub: inner }) : inner);
          this.pos++;
          break;
        }
        case 0x5e: // ^
          this.push(measured({ k: 'assert', js: this.flags.multiLine ? '(?<![^\\n])' : '^' }));
          this.pos++;
          break;
        case 0x24: // $
          this.push(measured({ k: 'assert', js: this.flags.multiLine ? '(?![^\\n])' : '$' }));
          this.pos++;
          break;
        case 0x2e: // .
          this.push(measured({ k: 'any', nl: this.flags.dotNl }));
          this.pos++;
          break;
        case 0x5b: // [
          this.parseClass();
          break;
        case 0x2a:
        case 0x2b:
        case 0x3f: {
          // * + ?
          const before = this.pos;
          const [min, max] = c === 0x2a ? [0, -1] : c === 0x2b ? [1, -1] : [0, 1];
          this.pos = this.repeat(min, max, false, before, before + 1, lastRepeat);
          repeat = before;
          break;
        }
        case 0x7b: {
          // {
          const before = this.pos;
          const parsed = this.parseRepeat();
          if (parsed === null) {
            this.literal(0x7b);
            this.pos++;
            break;
          }
          const [min, max, after] = parsed;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            this.error('invalid repeat count', this.text(before, after));
          }
          this.pos = this.repeat(min, max, true, before, after, lastRepeat);
          repeat = before;
          break;
        }
        case 0x5c: // backslash
          this.parseBackslash();
          break;
        default:
          this.literal(c);
          this.pos++;
      }
      lastRepeat = repeat;
    }
    if (this.frames.length !== 1) this.error('missing closing )', this.source);
    return this.checkLimits(this.closeFrame(this.frame));
  }

  // Go parser.repeat
  repeat(min: number, max: number, counted: boolean, before: number, after: number, lastRepeat: number | null): number {
    let nonGreedy = this.flags.nonGreedy;
    if (this.cps[after] === 0x3f) {
      after++;
      nonGreedy = !nonGreedy;
    }
    if (lastRepeat !== null) this.error('invalid nested repetition operator', this.text(lastRepeat, after));
    const sub = this.frame.cur.pop();
    if (sub === undefined) this.error('missing argument to repetition operator', this.text(before, after));
    const node = measured({ k: 'rep', sub, min, max, greedy: !nonGreedy, counted });
    this.frame.cur.push(this.checkLimits(node));
    if (counted && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      this.error('invalid repeat count', this.text(before, after));
    }
    return after;
  }

  // Go parser.parseInt: digits without leading zeros; -1 when too big.
  parseInt(at: number): [value: number, next: number] | null {
    if (!isDigit(this.cps[at])) return null;
    if (this.cps[at] === 0x30 && isDigit(this.cps[at + 1])) return null;
    let i = at;
    let value = 0;
    while (isDigit(this.cps[i])) {
      if (value >= 1e8) value = -1;
      else if (value >= 0) value = value * 10 + ((this.cps[i] ?? 0) - 0x30);
      i++;
    }
    return [value, i];
  }

  // Go parser.parseRepeat: {n}, {n,} or {n,m}; null when the brace is a literal.
  parseRepeat(): [min: number, max: number, after: number] | null {
    const first = this.parseInt(this.pos + 1);
    if (first === null) return null;
    let [min, i] = first;
    let max: number;
    if (i >= this.cps.length) return null;
    if (this.cps[i] !== 0x2c) {
      max = min;
    } else {
      i++;
      if (i >= this.cps.length) return null;
      if (this.cps[i] === 0x7d) {
        max = -1;
      } else {
        const second = this.parseInt(i);
        if (second === null) return null;
        [max, i] = second;
        if (max < 0) min = -1;
      }
    }
    if (this.cps[i] !== 0x7d) return null;
    return [min, max, i + 1];
  }

  // Go parser.parsePerlFlags (Go ≤ 1.21: only the (?P<name> form of named groups).
  parsePerlFlags(): void {
    const start = this.pos;
    const n = this.cps.length;
    if (n - start > 4 && this.cps[start + 2] === 0x50 && this.cps[start + 3] === 0x3c) {
      const end = this.cps.indexOf(0x3e, start);
      if (end < 0) this.error('invalid named capture', this.text(start, n));
      const name = this.text(start + 4, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) this.error('invalid named capture', this.text(start, end + 1));
      this.frames.push({ alts: [], cur: [], capture: true, saved: this.flags });
      this.pos = end + 1;
      return;
    }

    let i = start + 2;
    const next: Flags = { ...this.flags };
    let negative = false;
    let sawFlag = false;
    while (i < n) {
      const c = this.cps[i++];
      switch (c) {
        case 0x69: // i
          next.fold = !negative;
          sawFlag = true;
          continue;
        case 0x6d: // m
          next.multiLine = !negative;
          sawFlag = true;
          continue;
        case 0x73: // s
          next.dotNl = !negative;
          sawFlag = true;
          continue;
        case 0x55: // U
          next.nonGreedy = !negative;
          sawFlag = true;
          continue;
        case 0x2d: // -
          if (negative) break;
          negative = true;
          sawFlag = false;
          continue;
        case 0x3a: // :
        case 0x29: // )
          if (negative && !sawFlag) break;
          if (c === 0x3a) this.frames.push({ alts: [], cur: [], capture: false, saved: this.flags });
          this.flags = next;
          this.pos = i;
          return;
        default:
          break;
      }
      break;
    }
    this.error('invalid or unsupported Perl syntax', this.text(start, i));
  }

  // The backslash branch of Go's parse loop.
  parseBackslash(): void {
    const start = this.pos;
    const c1 = this.cps[start + 1];
    const assert = (js: string): void => {
      this.push(measured({ k: 'assert', js }));
      this.pos = start + 2;
    };
    switch (c1) {
      case 0x41: // \A
        assert('^');
        return;
      case 0x62: // \b (under a JS i flag, ſ and the Kelvin sign also count as word characters)
        assert('\\b');
        return;
      case 0x42: // \B
        assert('\\B');
        return;
      case 0x43: // \C: any byte, unsupported by Go
        this.error('invalid escape sequence', this.text(start, start + 2));
        break;
      case 0x51: {
        // \Q ... \E
        let i = start + 2;
        while (i < this.cps.length && !(this.cps[i] === 0x5c && this.cps[i + 1] === 0x45)) this.literal(this.cps[i++] ?? 0);
        this.pos = i < this.cps.length ? i + 2 : i;
        return;
      }
      case 0x7a: // \z
        assert('$');
        return;
      default:
        break;
    }
    const prop = this.parseUnicodeClass(start);
    if (prop !== null) {
      this.pushClass({ ranges: [], props: [prop], negated: false });
      return;
    }
    const perl = this.parsePerlClassEscape(start);
    if (perl !== null) {
      this.pushClass({ ranges: perl, props: [], negated: false });
      return;
    }
    this.literal(this.parseEscape());
  }

  // Go parser.parseUnicodeClass: \pX, \p{Name}, \PX, \p{^Name}; null when not at \p or \P.
  parseUnicodeClass(start: number): Prop | null {
    const p = this.cps[start + 1];
    if (this.cps[start] !== 0x5c || (p !== 0x70 && p !== 0x50)) return null;
    let negated = p === 0x50;
    let name: string;
    let seqEnd: number;
    if (this.cps[start + 2] !== 0x7b) {
      seqEnd = Math.min(start + 3, this.cps.length);
      name = this.text(start + 2, seqEnd);
    } else {
      const end = this.cps.indexOf(0x7d, start);
      if (end < 0) this.error('invalid character class range', this.text(start, this.cps.length));
      seqEnd = end + 1;
      name = this.text(start + 3, end);
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const prop = unicodeProp(name);
    if (prop === null) this.error('invalid character class range', this.text(start, seqEnd));
    this.pos = seqEnd;
    return { ...prop, negated };
  }

  // Go parser.parsePerlClassEscape: \d \D \s \S \w \W.
  parsePerlClassEscape(start: number): Range[] | null {
    if (this.cps[start] !== 0x5c) return null;
    const group = PERL_GROUPS.get(this.cps[start + 1] ?? -1);
    if (group === undefined) return null;
    this.pos = start + 2;
    return groupRanges(group[0], group[1], this.flags.fold);
  }

  // Go parser.parseEscape: a single escaped character at this.pos.
  parseEscape(): number {
    const start = this.pos;
    let i = start + 1;
    if (i >= this.cps.length) this.error('trailing backslash at end of expression', '');
    const c = this.cps[i++] ?? 0;
    const bad = (): never => this.error('invalid escape sequence', this.text(start, i));
    const done = (value: number): number => {
      this.pos = i;
      return value;
    };
    if (c < 0x80 && !isAlnum(c)) return done(c); // escaped punctuation, \_ included
    if (c >= 0x31 && c <= 0x37 && !isOctal(this.cps[i])) return bad(); // backreference
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let k = 1; k < 3 && isOctal(this.cps[i]); k++) r = r * 8 + ((this.cps[i++] ?? 0) - 0x30);
      return done(r);
    }
    if (c === 0x78) {
      // \x
      if (i >= this.cps.length) return bad();
      const d = this.cps[i++];
      if (d === 0x7b) {
        let r = 0;
        let digits = 0;
        for (;;) {
          if (i >= this.cps.length) return bad();
          const h = this.cps[i++];
          if (h === 0x7d) break;
          const v = unhex(h);
          if (v < 0) return bad();
          r = r * 16 + v;
          if (r > MAX_RUNE) return bad();
          digits++;
        }
        if (digits === 0) return bad();
        return done(r);
      }
      const x = unhex(d);
      const y = unhex(this.cps[i]);
      if (i < this.cps.length) i++;
      if (x < 0 || y < 0) return bad();
      return done(x * 16 + y);
    }
    const value = C_ESCAPES.get(c);
    if (value !== undefined) return done(value);
    return bad();
  }

  // Go parser.parseClass
  parseClass(): void {
    const start = this.pos;
    const n = this.cps.length;
    const whole = (): string => this.text(start, n);
    let i = start + 1;
    let negated = false;
    if (this.cps[i] === 0x5e) {
      negated = true;
      i++;
    }
    const ranges: Range[] = [];
    const props: Prop[] = [];
    const fold = this.flags.fold;
    let first = true;
    while (i >= n || this.cps[i] !== 0x5d || first) {
      first = false;
      // POSIX [:alnum:]
      if (n - i > 2 && this.cps[i] === 0x5b && this.cps[i + 1] === 0x3a) {
        const close = this.text(i + 2, n).indexOf(':]');
        if (close >= 0) {
          const nameEnd = i + 2 + Array.from(this.text(i + 2, n).slice(0, close)).length;
          const full = this.text(i, nameEnd + 2);
          const name = this.text(i + 2, nameEnd);
          const negGroup = name.startsWith('^');
          const group = POSIX_GROUPS.get(negGroup ? name.slice(1) : name);
          if (group === undefined) this.error('invalid character class range', full);
          ranges.push(...groupRanges(negGroup ? -1 : 1, group, fold));
          i = nameEnd + 2;
          continue;
        }
      }
      // Unicode \p{...}
      this.pos = i;
      const prop = this.parseUnicodeClass(i);
      if (prop !== null) {
        props.push(prop);
        i = this.pos;
        continue;
      }
      // Perl \d etc.
      const perl = this.parsePerlClassEscape(i);
      if (perl !== null) {
        ranges.push(...perl);
        i = this.pos;
        continue;
      }
      // single character or range
      const rangeStart = i;
      const lo = this.classChar(i, whole);
      i = this.pos;
      let hi = lo;
      if (n - i >= 2 && this.cps[i] === 0x2d && this.cps[i + 1] !== 0x5d) {
        hi = this.classChar(i + 1, whole);
        i = this.pos;
        if (hi < lo) this.error('invalid character class range', this.text(rangeStart, i));
      }
      ranges.push([lo, hi]);
    }
    this.pos = i + 1;
    this.pushClass({ ranges: cleanRanges(ranges), props, negated });
  }

  // Go parser.parseClassChar
  classChar(at: number, whole: () => string): number {
    if (at >= this.cps.length) this.error('missing closing ]', whole());
    this.pos = at;
    if (this.cps[at] === 0x5c) return this.parseEscape();
    this.pos = at + 1;
    return this.cps[at] ?? 0;
  }
}

// Go repeatIsValid: nested counted repetitions may not exceed 1000 copies.
function repeatIsValid(node: Node, n: number): boolean {
  let limit = n;
  if (node.k === 'rep' && node.counted) {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > limit) return false;
    if (m > 0) limit = Math.floor(limit / m);
  }
  const subs = node.k === 'rep' || node.k === 'capture' ? [node.sub] : node.k === 'cat' || node.k === 'alt' ? node.subs : [];
  return subs.every((s) => repeatIsValid(s, limit));
}

// ---- JavaScript output --------------------------------------------------------------------------

const hexEscape = (c: number): string => `\\u{${c.toString(16)}}`;

function emitChar(c: number): string {
  if (isAlnum(c) || c === 0x5f) return String.fromCharCode(c);
  if (c < 0x80 && '^$\\.*+?()[]{}|/'.includes(String.fromCharCode(c))) return '\\' + String.fromCharCode(c);
  if (c >= 0x20 && c < 0x7f) return String.fromCharCode(c);
  return hexEscape(c);
}

const emitClassChar = (c: number): string => (isAlnum(c) || c === 0x5f ? String.fromCharCode(c) : hexEscape(c));

function rangesBody(ranges: Range[]): string {
  return cleanRanges(ranges)
    .map(([lo, hi]) =>
      lo === hi ? emitClassChar(lo) : hi === lo + 1 ? emitClassChar(lo) + emitClassChar(hi) : `${emitClassChar(lo)}-${emitClassChar(hi)}`,
    )
    .join('');
}

type FoldMode = 'none' | 'flag' | 'manual';

function emitClass(cls: CharClass, fold: boolean, mode: FoldMode): string {
  if (fold && mode === 'manual') {
    // No scoped (?i) in JS: spell the folded set out (Go folds each item, then negates the class).
    const props = cls.props.map((p) => (p.negated ? negateRanges(foldedPropRanges(p.body)) : foldedPropRanges(p.body)));
    const items = [foldClose(cls.ranges), ...props];
    return `[${cls.negated ? '^' : ''}${rangesBody(items.flat())}]`;
  }
  const negProps = cls.props.filter((p) => p.negated);
  if (fold && mode === 'flag' && negProps.length > 0) {
    // Go folds \P{X} before negating it; a JS /iu \P{X} folds after, so spell it out.
    const positive =
      rangesBody(cls.ranges) +
      cls.props
        .filter((p) => !p.negated)
        .map((p) => p.body)
        .join('');
    const excluded = negProps.map((p) => `[${p.body}]`);
    if (!cls.negated) {
      const alts = [...(positive === '' ? [] : [`[${positive}]`]), ...excluded.map((x) => `(?!${x})[\\s\\S]`)];
      return `(?:${alts.join('|')})`;
    }
    return `(?:${positive === '' ? '' : `(?![${positive}])`}${excluded.map((x) => `(?=${x})`).join('')}[\\s\\S])`;
  }
  const body = rangesBody(cls.ranges) + cls.props.map((p) => (p.negated ? p.negBody : p.body)).join('');
  return `[${cls.negated ? '^' : ''}${body}]`;
}

function quantifier(min: number, max: number, greedy: boolean): string {
  let q: string;
  if (min === 0 && max === -1) q = '*';
  else if (min === 1 && max === -1) q = '+';
  else if (min === 0 && max === 1) q = '?';
  else if (max === -1) q = `{${min},}`;
  else if (min === max) q = `{${min}}`;
  else q = `{${min},${max}}`;
  return greedy ? q : q + '?';
}

function emit(node: Node, mode: FoldMode): string {
  switch (node.k) {
    case 'empty':
      return '';
    case 'lit':
      if (node.fold && mode === 'manual') {
        const orbit = orbitOf(node.cp);
        return orbit.length === 1 ? emitChar(node.cp) : `[${orbit.map(emitClassChar).join('')}]`;
      }
      return emitChar(node.cp);
    case 'cls':
      return emitClass(node.cls, node.fold, mode);
    case 'any':
      return node.nl ? '[\\s\\S]' : '[^\\n]';
    case 'assert':
      return node.js;
    case 'capture':
      return `(${emit(node.sub, mode)})`;
    case 'cat':
      return node.subs.map((s) => (s.k === 'alt' ? `(?:${emit(s, mode)})` : emit(s, mode))).join('');
    case 'alt':
      return node.subs.map((s) => emit(s, mode)).join('|');
    case 'rep': {
      const inner = emit(node.sub, mode);
      const atomic = node.sub.k === 'lit' || node.sub.k === 'cls' || node.sub.k === 'any' || node.sub.k === 'capture';
      return (atomic ? inner : `(?:${inner})`) + quantifier(node.min, node.max, node.greedy);
    }
  }
}

/**
 * Compiles a Go (RE2) regular expression, as cfssl's `name_whitelist` is compiled with Go's
 * `regexp.Compile`, into a JavaScript RegExp with the same matches. Use it like Go's
 * `MatchString`/`Find`: `re.test(name)` searches anywhere in the string (the RegExp has no `g`/`y`).
 *
 * Go syntax without a direct JS equivalent is translated: `\A`, `\z`, `(?i)`, `(?m)`, `(?s)`,
 * `(?U)` (anywhere, including `(?flags:...)` groups), `(?P<name>...)`, `\Q...\E`, POSIX classes
 * (`[[:alpha:]]`), `\pN`/`\p{Greek}`, octal and `\x{...}` escapes, ASCII-only `\s`/`\w`/`\d`, and `.`
 * matching everything but `\n`.
 * Patterns Go rejects throw {@link GoRegexpError} with Go's message (unbalanced parentheses or
 * brackets, `*a`, `a**`, backreferences such as `\1`, lookarounds, `(?>...)`, bad escapes,
 * repeat counts over 1000).
 *
 * @example
 * compileGoRegexp('\\.contoso\\.dev$').test('api.contoso.dev') // true
 * compileGoRegexp('^(?i)www\\.example\\.com$').test('WWW.example.com') // true
 */
export function compileGoRegexp(source: string): RegExp {
  const parser = new Parser(source);
  const tree = parser.parse();

  // (?i) everywhere it matters: the JS i flag. (?i) on part of the pattern: the JS i flag when the
  // case-sensitive parts are unaffected by folding, else spell the case-insensitive parts out.
  const foldLeaves = parser.leaves.filter((l) => (l.k === 'lit' || l.k === 'cls') && l.fold);
  let mode: FoldMode = 'none';
  if (foldLeaves.length > 0) {
    const plainLeaves = parser.leaves.filter((l) => (l.k === 'lit' || l.k === 'cls') && !l.fold);
    mode = plainLeaves.every(isFoldClosed) ? 'flag' : 'manual';
  }

  const pattern = emit(tree, mode);
  try {
    return new RegExp(pattern, mode === 'flag' ? 'iu' : 'u');
  } catch (e) {
    throw new GoRegexpError(`no JavaScript translation (${(e as Error).message})`, source, true);
  }
}
