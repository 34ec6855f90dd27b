// `cfssl-ts certinfo -cert F` against the installed real cfssl (Debian 1.2, Go 1.19) for every
// certificate of the system trust store. cfssl 1.2 differs from 1.6.5 in exactly these documented
// ways (reference §2.6, §11): key ids are printed without zero padding (`A:6C` where 1.6 prints
// `0A:6C`), and Ed25519 signatures are "Unknown Signature". Our 1.6.5 output is brought to 1.2's
// form for those two fields only; everything else must be byte-identical.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../packages/cli/src/io/cli-io.js';
import { runCfssl } from '../../packages/cli/src/run-cfssl.js';
import { requireTool } from '../support/require-tool.js';
import { binPath } from '../support/run-bin.js';

const STORE = '/etc/ssl/certs';
const storeFiles = existsSync(STORE) ? readdirSync(STORE).filter((f) => f.endsWith('.pem')).sort() : [];
const haveCfssl = requireTool('cfssl');
if (storeFiles.length === 0 && process.env.CI) throw new Error(`${STORE}/*.pem is required under CI (install ca-certificates in .ci/run)`);

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

// cfssl-ts's command line in this process (the bin's code minus process start-up).
async function runInProcess(args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readStdin: async () => new Uint8Array(0),
    writeStdout: (t) => void (out.stdout += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    writeStderr: (t) => void (out.stderr += t),
    cwd: process.cwd(),
    env: {},
    now: () => Date.now(),
  };
  const status = await runCfssl(args, io);
  return { status, ...out };
}

async function pool<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

/** cfssl 1.2's certinfo.formatKeyID used `%X` per byte: drop the leading zero of each byte. */
export function toCfssl12KeyIds(json: string): string {
  return json.replace(/("(?:authority|subject)_key_id": ")([0-9A-F:]*)"/g, (_, head: string, id: string) =>
    `${head}${id === '' ? '' : id.split(':').map((b) => b.replace(/^0(?=[0-9A-F])/, '')).join(':')}"`,
  );
}

/** cfssl 1.2's helpers.SignatureString has no Ed25519 case. */
function toCfssl12SigAlg(json: string): string {
  return json.replace('"sigalg": "Ed25519"', '"sigalg": "Unknown Signature"');
}

describe.skipIf(!haveCfssl || storeFiles.length === 0)(`certinfo -cert on ${STORE} (${storeFiles.length} certificates) vs real cfssl`, () => {
  const results = new Map<string, { ours: Run; theirs: Run }>();

  beforeAll(async () => {
    const pairs = await pool(storeFiles, 4, async (f) => {
      const path = join(STORE, f);
      const [ours, theirs] = await Promise.all([runInProcess(['certinfo', '-cert', path]), run('cfssl', ['certinfo', '-cert', path])]);
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
    const runs = await pool(sample, 3, (f) => run(bin, ['certinfo', '-cert', join(STORE, f)]));
    runs.forEach((r, i) => expect([sample[i], r.status, r.stdout, r.stderr]).toEqual([sample[i], 0, results.get(sample[i]!)!.ours.stdout, '']));
  }, 600_000);

  it('key-id padding is the only 1.2 difference that occurred, and it did occur', () => {
    const padded = storeFiles.filter((f) => results.get(f)!.ours.stdout !== results.get(f)!.theirs.stdout);
    for (const f of padded) expect(toCfssl12KeyIds(results.get(f)!.ours.stdout)).toBe(results.get(f)!.theirs.stdout);
    // Roughly one id byte in sixteen starts with 0, so most 20-byte ids are affected.
    expect(padded.length).toBeGreaterThan(0);
    console.info(`certinfo store interop: ${storeFiles.length} certificates, ${padded.length} differ from cfssl 1.2 only by key-id padding`);
  });
});
