// The bins' own output streams failing: a full disk and a closed pipe end without a Node stack trace.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binPath } from '@cfssl-ts/test-support/run-bin';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const leaf = goldenDir('cfssl-1.6.5', 'certinfo-produced-leaf', 'leaf.pem');

function run(stdout: 'pipe-closed' | number, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binPath('cfssl-ts'), args, { stdio: ['ignore', stdout === 'pipe-closed' ? 'pipe' : stdout, 'pipe'] });
    // The reader goes away before the program writes: its next write meets EPIPE.
    if (stdout === 'pipe-closed') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('output stream failures', () => {
  it.skipIf(!existsSync('/dev/full'))('stdout on a full disk: one line in Go words, exit 1', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await run(full, ['certinfo', '-cert', leaf]);
      expect(r.stderr).toBe('cfssl-ts: write /dev/stdout: no space left on device\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it('stdout into a closed pipe: nothing on stderr, exit 141 as a program killed by SIGPIPE', async () => {
    const r = await run('pipe-closed', ['certinfo', '-cert', leaf]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(141);
  });
});
