// `certinfo -domain host:port` against a local TLS server, judged by the installed real cfssl, which
// dials the same server. The server presents a golden-corpus CA certificate (RSA 3072).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../support/require-tool.js';
import { binPath, REPO_ROOT } from '../support/run-bin.js';

const haveCfssl = requireTool('cfssl');
const CASE = join(REPO_ROOT, 'fixtures', 'golden', 'cfssl-1.6.5', 'sign-hosts-mixed');

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

// cfssl 1.2 prints key ids without zero padding.
const asCfssl12 = (json: string): string =>
  json.replace(/("(?:authority|subject)_key_id": ")([0-9A-F:]*)"/g, (_, head: string, id: string) =>
    `${head}${id === '' ? '' : id.split(':').map((b) => b.replace(/^0(?=[0-9A-F])/, '')).join(':')}"`,
  );

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe.skipIf(!haveCfssl)('certinfo -domain', () => {
  const server = createServer({ cert: readFileSync(join(CASE, 'ca.pem')), key: readFileSync(join(CASE, 'ca-key.pem')) }, (socket) => socket.end());
  let port = 0;

  beforeAll(async () => {
    port = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('prints the leaf the server presents, as real cfssl does', async () => {
    const [ours, theirs] = await Promise.all([
      run(binPath('cfssl-ts'), ['certinfo', '-domain', `127.0.0.1:${port}`]),
      run('cfssl', ['certinfo', '-domain', `127.0.0.1:${port}`]),
    ]);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(ours.status, ours.stderr).toBe(0);
    expect(asCfssl12(ours.stdout)).toBe(theirs.stdout);
    // and it is the same description -cert gives for that certificate
    const file = await run(binPath('cfssl-ts'), ['certinfo', '-cert', join(CASE, 'ca.pem')]);
    expect(ours.stdout).toBe(file.stdout);
  });

  it('a refused connection fails like cfssl: Go dial error text, exit 1', async () => {
    const closed = createServer({});
    const closedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [ours, theirs] = await Promise.all([
      run(binPath('cfssl-ts'), ['certinfo', '-domain', `127.0.0.1:${closedPort}`]),
      run('cfssl', ['certinfo', '-domain', `127.0.0.1:${closedPort}`]),
    ]);
    expect(theirs.stderr).toBe(`dial tcp 127.0.0.1:${closedPort}: connect: connection refused\n`);
    expect([ours.status, ours.stdout, ours.stderr]).toEqual([theirs.status, '', theirs.stderr]);
  });
});
