// Real DER to mutate: every certificate and CSR that real cfssl and openssl wrote into fixtures/golden.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../repo-paths.js';

export interface GoldenDerCorpus {
  certificates: Uint8Array[];
  requests: Uint8Array[];
}

const BLOCK = /-----BEGIN (CERTIFICATE|CERTIFICATE REQUEST)-----([\s\S]*?)-----END \1-----/g;

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(pem|csr)$/.test(e.name)) yield p;
  }
}

let cached: GoldenDerCorpus | undefined;

/** The distinct certificates and CSRs of the golden corpus, in a stable order (decoded with Buffer, not the code under test). */
export function goldenDerCorpus(): GoldenDerCorpus {
  if (cached) return cached;
  const seen = new Map<string, 'CERTIFICATE' | 'CERTIFICATE REQUEST'>();
  for (const file of [...files(fixturePath('golden'))].sort()) {
    for (const m of readFileSync(file, 'utf8').matchAll(BLOCK)) {
      seen.set(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64').toString('hex'), m[1] as 'CERTIFICATE');
    }
  }
  const of = (label: string): Uint8Array[] => [...seen].filter(([, l]) => l === label).map(([h]) => new Uint8Array(Buffer.from(h, 'hex')));
  cached = { certificates: of('CERTIFICATE'), requests: of('CERTIFICATE REQUEST') };
  return cached;
}
