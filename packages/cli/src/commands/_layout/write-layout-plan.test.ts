// rotate-ca's phase one replaces ca-key.pem and ca.pem: a failure on any file leaves the directory as it was, the CA key included.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLayout, etcdPreset, planCaRotation } from '@cfssl-ts/layout';
import { failingNthCall } from '@cfssl-ts/test-support/failing-fs';
import { writeLayoutPlan } from './write-layout-plan.js';

let root: string;
let files: Map<string, Uint8Array>;

const contents = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'write-layout-plan-'));
  const spec = etcdPreset({ hosts: ['127.0.0.1'] });
  const p256 = { algo: 'ecdsa', size: 256 };
  const small = { ...spec, ca: { ...spec.ca, csr: { ...spec.ca.csr, key: p256 } } };
  small.certificates = spec.certificates.map((c) => ({ ...c, csr: { ...c.csr, key: p256 } }));
  const build = await buildLayout(small);
  files = new Map(build.files.map((f) => [f.path, typeof f.contents === 'string' ? new TextEncoder().encode(f.contents) : f.contents]));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('writeLayoutPlan with a rotate-ca phase one plan', () => {
  it.each([
    ['link', 1],
    ['link', 2],
    ['rename', 1],
    ['rename', 2],
    ['rename', 3],
  ] as const)('a failed %s (call %i) leaves every file as it was', async (call, n) => {
    const dir = mkdtempSync(join(root, 'dir-'));
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes, { mode: name.endsWith('-key.pem') ? 0o600 : 0o644 });
    const before = contents(dir);
    const plan = await planCaRotation(files, 'start');
    const error = await writeLayoutPlan(plan.files, { directory: dir, dir: 'etcd-cert', force: true, fs: failingNthCall(call, n) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^(link|rename) etcd-cert\/ca(-old)?(-key)?\.(pem|csr): input\/output error\nnothing was written$/,
    );
    expect(contents(dir)).toEqual(before);
  });
});
