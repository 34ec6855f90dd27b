// Mutants of real JSON inputs (cfssl configs and CSR requests from fixtures/golden): a value replaced, a key
// dropped or re-cased, a member wrapped in an array; then, at times, raw text damage (a token inserted, a cut).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixturePath } from '../repo-paths.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Values that probe the edges of cfssl's fields: durations, OIDs, usages, numbers Go reads differently. */
const EDGE_VALUES: readonly Json[] = [
  '',
  '8760h',
  '-1h',
  '1h1m1s1ms1us1ns',
  '9223372036854775807ns',
  '1.2.3',
  '3.1',
  '1.2.-3',
  'server auth',
  'signing',
  'cert sign',
  '^(a+)+$',
  '(?i)x',
  '[',
  '127.0.0.1',
  '::1',
  'a@b.example',
  'spiffe://x/y',
  '2030-01-01T00:00:00Z',
  'rsa',
  'ecdsa',
  'ed25519',
  0,
  -1,
  -2,
  2048,
  1e300,
  0.5,
  true,
  null,
  [],
  {},
];

/** Tokens inserted into the text: numbers JSON.stringify cannot write, escapes, broken structure. */
const TEXT_TOKENS = [
  '1e400',
  '-0',
  '99999999999999999999',
  '"\\ud800"',
  '"\\u0000"',
  ',',
  '}',
  ']',
  '{"a":',
  'nul',
  '"\u00ff"',
  '\t',
  '/*',
];

/** Every .json file under fixtures/golden whose name matches `name`, as text, in a stable order. */
export function goldenJsonTexts(name: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json') && name.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(fixturePath('golden'));
  return [...new Set(out)];
}

function paths(v: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

interface JsonStep {
  op: 'replace' | 'edge' | 'drop' | 'recase' | 'wrap';
  at: number;
  value: Json;
  n: number;
}

function applyStep(root: Json, s: JsonStep): Json {
  const all = paths(root);
  const path = all[s.at % all.length]!;
  if (path.length === 0) return s.op === 'replace' ? s.value : root;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, root) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  switch (s.op) {
    case 'replace':
      parent[key] = s.value;
      break;
    case 'edge':
      parent[key] = EDGE_VALUES[s.n % EDGE_VALUES.length]!;
      break;
    case 'wrap':
      parent[key] = [parent[key]!];
      break;
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else Reflect.deleteProperty(parent, key);
      break;
    case 'recase':
      if (typeof key === 'string' && !Array.isArray(parent)) {
        const v = parent[key]!;
        Reflect.deleteProperty(parent, key);
        parent[s.n % 2 ? key.toUpperCase() : key.replace(/^./, (c) => c.toUpperCase())] = v;
      }
  }
  return root;
}

const jsonStep: fc.Arbitrary<JsonStep> = fc.record({
  op: fc.constantFrom('replace' as const, 'edge' as const, 'edge' as const, 'drop' as const, 'recase' as const, 'wrap' as const),
  at: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  n: fc.nat(),
});

const textStep = fc.record({ op: fc.constantFrom('insert' as const, 'delete' as const, 'cut' as const), at: fc.nat(), n: fc.nat() });

// The text after the steps; a text that is not JSON (the corpus keeps some on purpose) only gets raw damage.
function structuralMutant(text: string, steps: readonly JsonStep[]): string {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return text;
  }
  for (const s of steps) doc = applyStep(doc, s);
  return JSON.stringify(doc, null, 1);
}

/** Mutants of the given JSON texts: one to three structural steps, then in one case of four a step of raw text damage. */
export function jsonMutantArbitrary(texts: readonly string[]): fc.Arbitrary<string> {
  if (texts.length === 0) throw new Error('jsonMutantArbitrary: no texts');
  return fc
    .tuple(fc.nat({ max: texts.length - 1 }), fc.array(jsonStep, { minLength: 1, maxLength: 3 }), fc.option(textStep, { freq: 3 }))
    .map(([i, steps, raw]) => {
      const text = structuralMutant(texts[i]!, steps);
      if (raw === null) return text;
      const at = raw.at % (text.length + 1);
      if (raw.op === 'insert') return text.slice(0, at) + TEXT_TOKENS[raw.n % TEXT_TOKENS.length]! + text.slice(at);
      if (raw.op === 'delete') return text.slice(0, at) + text.slice(at + 1 + (raw.n % 3));
      return text.slice(0, at);
    });
}
