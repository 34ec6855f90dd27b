// The built `cfssl-certinfo-ts` bin against the installed real `cfssl-certinfo` (Debian's golang-cfssl, cfssl 1.2):
// the same certinfo JSON (1.2's unpadded key ids normalised), the same exit statuses (0 even on errors, 2 for an
// unknown flag), the same error texts where 1.2 and 1.6.5 agree. 1.6.5's added -serial/-aki usage lines and its
// longer "Must specify" text are 1.6.5's (run-cfssl-certinfo.test.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asCfssl12 } from '@cfssl-ts/test-support/cfssl12-certinfo';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { binPath } from '@cfssl-ts/test-support/run-bin';
import { runAsync } from '@cfssl-ts/test-support/run-async';

const haveCertinfo = requireTool('cfssl-certinfo');
const GOLDEN = goldenDir('cfssl-1.6.5');
const CERTS = [
  ['certinfo-produced-leaf', 'leaf.pem'],
  ['certinfo-utf8-ec-root', 'root.pem'],
  ['etcd-ca', 'cert.pem'],
] as const;

describe.runIf(haveCertinfo)('cfssl-certinfo-ts against real cfssl-certinfo', () => {
  it.each(CERTS)('-cert %s/%s: the same JSON', async (dir, file) => {
    const cwd = join(GOLDEN, dir);
    const real = await runAsync('cfssl-certinfo', ['-cert', file], cwd);
    const ours = await runAsync(binPath('cfssl-certinfo-ts'), ['-cert', file], cwd);
    expect([real.status, real.stderr, real.stdout.startsWith('{\n  "subject"')]).toEqual([0, '', true]);
    expect({ ...ours, stdout: asCfssl12(ours.stdout) }).toEqual(real);
  });

  it('errors: status 0 and the same text for a missing file, an undecodable file and stdin', async () => {
    const cwd = join(GOLDEN, 'certinfo-produced-leaf');
    for (const [args, input] of [
      [['-cert', 'missing.pem'], ''],
      [['-cert', 'case.json'], ''],
      [['-cert', '-'], 'not a certificate'],
    ] as const) {
      const real = await runAsync('cfssl-certinfo', args, cwd, {}, input);
      const ours = await runAsync(binPath('cfssl-certinfo-ts'), args, cwd, {}, input);
      expect(real.status).toBe(0);
      expect(ours).toEqual(real);
    }
  });

  it('an unknown flag (-csr included: cfssl-certinfo does not define it): status 2, the same first line', async () => {
    for (const flag of ['-csr', '-nope']) {
      const real = await runAsync('cfssl-certinfo', [flag, 'x'], GOLDEN);
      const ours = await runAsync(binPath('cfssl-certinfo-ts'), [flag, 'x'], GOLDEN);
      expect([ours.status, ours.stderr.split('\n')[0]]).toEqual([2, `flag provided but not defined: ${flag}`]);
      expect([real.status, real.stderr.split('\n')[0]]).toEqual([ours.status, ours.stderr.split('\n')[0]]);
    }
  });
});
