// -authsign-max-age (cfssl-ts extension) with real cfssl 1.2 clients, on serve and on multirootca: a fresh request
// signs, the same request again is refused as a replay, a new one signs; a stale timestamp is refused.
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { httpExchange } from '@cfssl-ts/test-support/http-exchange';
import { startMultirootca, writeAuthRemoteConfig } from '@cfssl-ts/test-support/multirootca';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudges = requireTool('cfssl') && requireTool('openssl');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);
const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

describe.skipIf(!haveJudges)('authsign replay protection with real cfssl 1.2 clients', () => {
  let dir: string;
  const stops: (() => Promise<unknown>)[] = [];
  const ports: Record<'serve' | 'multirootca', number> = { serve: 0, multirootca: 0 };
  const cfssl = (...args: string[]) => spawnSync('cfssl', args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const clientConfig = (port: number) =>
    writeAuthRemoteConfig(dir, `client-${String(port)}.json`, `http://127.0.0.1:${String(port)}`, KEY_HEX);
  const verified = (stdout: string) => {
    writeFileSync(join(dir, 'out.pem'), (JSON.parse(stdout) as { cert: string }).cert);
    return spawnSync('openssl', ['verify', '-CAfile', 'ca.pem', 'out.pem'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-replay-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr', 'leaf-csr.json']) copyFileSync(inputs(f), join(dir, f));
    writeFileSync(join(dir, 'roots.conf'), '[ primary ]\nprivate = file://ca-key.pem\ncertificate = ca.pem\nconfig = config.json\n');
    const serve = await startCfsslTsServe(
      ['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-workers', '1', '-authsign-max-age', '5m'],
      dir,
    );
    stops.push(() => serve.stop());
    ports.serve = serve.port;
    const multi = await startMultirootca('cfssl-ts', ['-roots', 'roots.conf', '-l', 'primary', '-authsign-max-age', '5m'], dir);
    stops.push(() => multi.stop());
    ports.multirootca = multi.port;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(stops.map((s) => s()));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['serve', 'multirootca'] as const)('%s: cfssl sign signs once; the identical request again is a replay', (server) => {
    const config = clientConfig(ports[server]);
    const first = cfssl('sign', '-config', config, '-profile', 'auth', 'leaf.csr');
    expect(first.status, first.stderr).toBe(0);
    expect(verified(first.stdout)).toBe('out.pem: OK');
    // cfssl's token covers only the request bytes: the same CSR and options give the same token.
    const again = cfssl('sign', '-config', config, '-profile', 'auth', 'leaf.csr');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('authenticated request replayed: token already used');
    // gencert makes a new key, so a new request and token: signed
    const fresh = cfssl('gencert', '-config', config, '-profile', 'auth', 'leaf-csr.json');
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(verified(fresh.stdout)).toBe('out.pem: OK');
  });

  it.each(['serve', 'multirootca'] as const)('%s: a request stamped an hour ago is refused', async (server) => {
    const inner = Buffer.from(
      JSON.stringify({ certificate_request: readFileSync(inputs('leaf.csr'), 'utf8'), profile: 'auth', hosts: ['stale.example'] }),
    );
    const body = JSON.stringify({
      timestamp: Math.floor(Date.now() / 1000) - 3600,
      token: createHmac('sha256', Buffer.from(KEY_HEX, 'hex')).update(inner).digest().toString('base64'),
      request: inner.toString('base64'),
    });
    const r = await httpExchange(ports[server], 'POST', '/api/v1/cfssl/authsign', {}, body);
    expect(r.status).toBe(400);
    const code = server === 'serve' ? 400 : 1;
    expect(JSON.parse(r.body.toString())).toEqual({
      success: false,
      result: null,
      errors: [{ code, message: 'authenticated request timestamp is outside the allowed window' }],
      messages: [],
    });
  });
});
