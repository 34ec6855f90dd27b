// `cfssl-ts certinfo -cert F` against the installed real cfssl (Debian 1.2, Go 1.19) for every
// certificate of the system trust store. cfssl 1.2 differs from 1.6.5 in exactly these documented
// ways (reference §2.6, §11): key ids are printed without zero padding (`A:6C` where 1.6 prints
// `0A:6C`), and Ed25519 signatures are "Unknown Signature". Our 1.6.5 output is brought to 1.2's
// form for those two fields only; everything else must be byte-identical.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCfssl12KeyIds, toCfssl12SigAlg } from '@cfssl-ts/test-support/cfssl12-certinfo';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { pool, runAsync, type RunResult } from '@cfssl-ts/test-support/run-async';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { binPath } from '@cfssl-ts/test-support/run-bin';

const STORE = '/etc/ssl/certs';
const storeFiles = existsSync(STORE)
  ? readdirSync(STORE)
      .filter((f) => f.endsWith('.pem'))
      .sort()
  : [];
const haveCfssl = requireTool('cfssl');
if (storeFiles.length === 0 && process.env.CI) throw new Error(`${STORE}/*.pem is required under CI (install ca-certificates in .ci/run)`);

describe.skipIf(!haveCfssl || storeFiles.length === 0)(
  `certinfo -cert on ${STORE} (${storeFiles.length} certificates) vs real cfssl`,
  () => {
    const results = new Map<string, { ours: RunResult; theirs: RunResult }>();

    beforeAll(async () => {
      const pairs = await pool(storeFiles, 4, async (f) => {
        const path = join(STORE, f);
        const [ours, theirs] = await Promise.all([
          runCfsslInProcess(['certinfo', '-cert', path]),
          runAsync('cfssl', ['certinfo', '-cert', path], process.cwd()),
        ]);
        return [f, { ours, theirs }] as const;
      });
      for (const [f, r] of pairs) results.set(f, r);
    }, 600_000);

    it('the normalisation only touches key ids and Ed25519 (checked on a known padded id)', () => {
      expect(toCfssl12KeyIds('"subject_key_id": "03:DE:00:0A:FF",\n"authority_key_id": ""')).toBe(
        '"subject_key_id": "3:DE:0:A:FF",\n"authority_key_id": ""',
      );
    });

    it.each(storeFiles)('%s', (f) => {
      const { ours, theirs } = results.get(f)!;
      expect(theirs.status, theirs.stderr).toBe(0);
      expect(ours.status, ours.stderr).toBe(0);
      expect(ours.stderr).toBe('');
      expect(toCfssl12SigAlg(toCfssl12KeyIds(ours.stdout))).toBe(theirs.stdout);
    });

    it('the installed cfssl-ts bin prints the same bytes (a sample of the store)', async () => {
      const sample = storeFiles.filter((_, i) => i % 24 === 0);
      const bin = binPath('cfssl-ts');
      const runs = await pool(sample, 3, (f) => runAsync(bin, ['certinfo', '-cert', join(STORE, f)], process.cwd()));
      runs.forEach((r, i) =>
        expect([sample[i], r.status, r.stdout, r.stderr]).toEqual([sample[i], 0, results.get(sample[i]!)!.ours.stdout, '']),
      );
    }, 600_000);

    it('key-id padding is the only 1.2 difference that occurred, and it did occur', () => {
      const padded = storeFiles.filter((f) => results.get(f)!.ours.stdout !== results.get(f)!.theirs.stdout);
      for (const f of padded) expect(toCfssl12KeyIds(results.get(f)!.ours.stdout)).toBe(results.get(f)!.theirs.stdout);
      // Roughly one id byte in sixteen starts with 0, so most 20-byte ids are affected.
      expect(padded.length).toBeGreaterThan(0);
      console.info(
        `certinfo store interop: ${storeFiles.length} certificates, ${padded.length} differ from cfssl 1.2 only by key-id padding`,
      );
    });
  },
);
