// `certinfo -domain host:port` against a local TLS server, judged by the installed real cfssl, which
// dials the same server. The server presents a golden-corpus CA certificate (RSA 3072).
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCfssl12KeyIds as asCfssl12 } from '@cfssl-ts/test-support/cfssl12-certinfo';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runAsync } from '@cfssl-ts/test-support/run-async';
import { REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { binPath } from '@cfssl-ts/test-support/run-bin';

const haveCfssl = requireTool('cfssl');
const CASE = join(REPO_ROOT, 'fixtures', 'golden', 'cfssl-1.6.5', 'sign-hosts-mixed');

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe.skipIf(!haveCfssl)('certinfo -domain', () => {
  const server = createServer({ cert: readFileSync(join(CASE, 'ca.pem')), key: readFileSync(join(CASE, 'ca-key.pem')) }, (socket) =>
    socket.end(),
  );
  let port = 0;

  beforeAll(async () => {
    port = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('prints the leaf the server presents, as real cfssl does', async () => {
    const [ours, theirs] = await Promise.all([
      runAsync(binPath('cfssl-ts'), ['certinfo', '-domain', `127.0.0.1:${port}`], process.cwd()),
      runAsync('cfssl', ['certinfo', '-domain', `127.0.0.1:${port}`], process.cwd()),
    ]);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(ours.status, ours.stderr).toBe(0);
    expect(asCfssl12(ours.stdout)).toBe(theirs.stdout);
    // and it is the same description -cert gives for that certificate
    const file = await runAsync(binPath('cfssl-ts'), ['certinfo', '-cert', join(CASE, 'ca.pem')], process.cwd());
    expect(ours.stdout).toBe(file.stdout);
  });

  it('a refused connection fails like cfssl: Go dial error text, exit 1', async () => {
    const closed = createServer({});
    const closedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [ours, theirs] = await Promise.all([
      runAsync(binPath('cfssl-ts'), ['certinfo', '-domain', `127.0.0.1:${closedPort}`], process.cwd()),
      runAsync('cfssl', ['certinfo', '-domain', `127.0.0.1:${closedPort}`], process.cwd()),
    ]);
    expect(theirs.stderr).toBe(`dial tcp 127.0.0.1:${closedPort}: connect: connection refused\n`);
    expect([ours.status, ours.stdout, ours.stderr]).toEqual([theirs.status, '', theirs.stderr]);
  });
});
