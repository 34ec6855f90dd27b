// Differential fuzzing against Go: mutants of real certificates (the system trust store and the golden corpus)
// and of real CSRs go to real cfssl 1.2 (`certinfo -cert` / `-csr`, Go 1.19's parsers) and to cfssl-ts's certinfo.
// Both must accept or both reject, with the same output: on acceptance the same JSON (1.2's key-id padding and
// Ed25519 name normalised), on rejection the same error line. The only allowed difference is a rejection of what
// Go accepts where Go is known to be lax (ALLOWED_DIVERGENCES, also listed in docs/compat.md).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePem } from '@cfssl-ts/core';
import { asCfssl12 } from '@cfssl-ts/test-support/cfssl12-certinfo';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { loadRegressions, saveRegression } from '@cfssl-ts/test-support/fuzz/fuzz-regressions';
import { fuzzSettings, tallyFuzzRuns } from '@cfssl-ts/test-support/fuzz/fuzz-settings';
import type { FuzzTargetName } from '@cfssl-ts/test-support/fuzz/fuzz-targets';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { pool, runAsync, type RunResult } from '@cfssl-ts/test-support/run-async';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';

const STORE = '/etc/ssl/certs';
const haveCfssl = requireTool('cfssl');
const settings = fuzzSettings();

/** A difference we accept: cfssl-ts refuses what Go 1.19 accepts, where Go is lax. */
interface AllowedDivergence {
  reason: string;
  applies: (ours: RunResult, theirs: RunResult) => boolean;
}

const ALLOWED_DIVERGENCES: readonly AllowedDivergence[] = [];

/** The certificates of the system trust store, decoded with Buffer (not the code under test). */
function storeCertificates(): Uint8Array[] {
  if (!existsSync(STORE)) return [];
  return readdirSync(STORE)
    .filter((f) => f.endsWith('.pem'))
    .sort()
    .map((f) => readFileSync(join(STORE, f), 'utf8').match(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

interface Verdict {
  agree: boolean;
  allowed?: string;
  ours: RunResult;
  theirs: RunResult;
}

// Go prints a struct address in some encoding/asn1 errors; cfssl-ts prints a fixed one (docs/compat.md).
const fixedAddress = (text: string): string => text.replace(/\b0xc[0-9a-f]{9}\b/g, '0xc000012345');

function judge(ours: RunResult, theirs: RunResult): Verdict {
  const same = ours.status === theirs.status && asCfssl12(ours.stdout) === theirs.stdout && ours.stderr === fixedAddress(theirs.stderr);
  if (same) return { agree: true, ours, theirs };
  const allowed = ours.status !== 0 && theirs.status === 0 ? ALLOWED_DIVERGENCES.find((d) => d.applies(ours, theirs)) : undefined;
  return { agree: allowed !== undefined, allowed: allowed?.reason, ours, theirs };
}

let scratch = '';
async function compare(flag: '-cert' | '-csr', der: Uint8Array, name: string): Promise<Verdict> {
  scratch ||= mkdtempSync(join(tmpdir(), 'certinfo-differential-'));
  const file = join(scratch, name);
  writeFileSync(file, encodePem(flag === '-cert' ? 'CERTIFICATE' : 'CERTIFICATE REQUEST', der));
  const args = ['certinfo', flag, file];
  const [ours, theirs] = await Promise.all([runCfsslInProcess(args), runAsync('cfssl', args, process.cwd())]);
  return judge(ours, theirs);
}

const show = (v: Verdict): string =>
  `cfssl-ts: exit ${v.ours.status} ${v.ours.stderr.trim() || v.ours.stdout.slice(0, 200)}\ncfssl 1.2: exit ${v.theirs.status} ${
    v.theirs.stderr.trim() || v.theirs.stdout.slice(0, 200)
  }`;

const KINDS: Array<{ target: FuzzTargetName; flag: '-cert' | '-csr'; corpus: () => Uint8Array[]; mutants: number }> = [
  {
    target: 'certinfo-cert-vs-cfssl',
    flag: '-cert',
    corpus: () => [...goldenDerCorpus().certificates, ...storeCertificates()],
    mutants: 120,
  },
  { target: 'certinfo-csr-vs-cfssl', flag: '-csr', corpus: () => goldenDerCorpus().requests, mutants: 80 },
];

describe.skipIf(!haveCfssl)('certinfo on mutants of real certificates and CSRs: cfssl-ts agrees with real cfssl 1.2', () => {
  for (const kind of KINDS) {
    describe(kind.target, () => {
      for (const [file, der] of loadRegressions(kind.target)) {
        it(`saved failure ${file} agrees`, async () => {
          const v = await compare(kind.flag, der as Uint8Array, file);
          expect(v.agree, show(v)).toBe(true);
        });
      }

      const count = settings.differentialMutants ?? kind.mutants;
      const verdicts: Verdict[] = [];
      let mutants: Uint8Array[] = [];
      beforeAll(async () => {
        mutants = fc.sample(derMutantArbitrary(kind.corpus()), { seed: settings.seed, numRuns: count });
        verdicts.push(...(await pool([...mutants.keys()], 4, (i) => compare(kind.flag, mutants[i]!, `m${i}.pem`))));
      }, 1_200_000);

      it(`${count} mutants (seed ${settings.seed}): both accept or both reject, with the same output`, () => {
        const bad = verdicts.flatMap((v, i) => (v.agree ? [] : [i]));
        for (const i of bad) {
          const error = show(verdicts[i]!);
          if (settings.save) saveRegression(kind.target, { seed: settings.seed, path: `sample ${i}`, error }, mutants[i]);
        }
        tallyFuzzRuns(kind.target, verdicts.length, bad.length);
        const accepted = verdicts.filter((v) => v.theirs.status === 0).length;
        const allowed = verdicts.filter((v) => v.allowed !== undefined).length;
        if (settings.report)
          console.info(
            `${kind.target}: ${verdicts.length} mutants, cfssl accepted ${accepted}, allowed divergences ${allowed}, disagreements ${bad.length}`,
          );
        expect(bad.map((i) => `mutant ${i}\n${show(verdicts[i]!)}`)).toEqual([]);
        // Mutants must reach beyond the outer structure: some are accepted by Go.
        expect(accepted).toBeGreaterThan(count / 20);
      });
    });
  }
});
