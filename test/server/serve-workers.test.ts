// cfssl-ts serve -workers 2: two worker processes answer signs over HTTP (node:cluster round-robins connections,
// so both spend CPU on them), and SIGTERM stops every worker and the primary exits 0.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { httpExchange } from '@cfssl-ts/test-support/http-exchange';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudge = requireTool('openssl');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);
// /proc/<pid>/stat: fields after the parenthesised command; ppid is the 2nd, utime and stime the 12th and 13th.
const statFields = (pid: number) =>
  readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((p) => {
      try {
        return Number(statFields(p)[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    });
const cpuTicks = (pid: number) => {
  const f = statFields(pid);
  return Number(f[11]) + Number(f[12]);
};

describe.skipIf(process.platform !== 'linux' || !haveJudge)('serve -workers 2', () => {
  let dir: string;
  let serve: RunningCfsslTsServe;
  let stopped = false;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-workers-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'config.json', 'leaf.csr']) copyFileSync(inputs(f), join(dir, f));
    serve = await startCfsslTsServe(['-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-workers', '2'], dir);
  }, 60_000);
  afterAll(async () => {
    if (!stopped) await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs two worker processes under the primary, both answering signs; SIGTERM ends all with exit 0', async () => {
    const primary = serve.child.pid!;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);
    const before = workers.map(cpuTicks);
    const body = JSON.stringify({ certificate_request: readFileSync(inputs('leaf.csr'), 'utf8'), hosts: ['w.example'] });
    // 8 clients at a time, a new connection per request (Connection: close), 160 signs
    const statuses: number[] = [];
    let last = '';
    for (let round = 0; round < 20; round++) {
      const replies = await Promise.all(
        Array.from({ length: 8 }, () => httpExchange(serve.port, 'POST', '/api/v1/cfssl/sign', { Connection: 'close' }, body)),
      );
      for (const r of replies) statuses.push(r.status);
      last = (JSON.parse(replies[0]!.body.toString()) as { result: { certificate: string } }).result.certificate;
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    writeFileSync(join(dir, 'out.pem'), last);
    expect(spawnSync('openssl', ['verify', '-CAfile', 'ca.pem', 'out.pem'], { cwd: dir, encoding: 'utf8' }).stdout.trim()).toBe(
      'out.pem: OK',
    );
    // Each worker spent CPU on its share of the signs (an idle worker spends none).
    const spent = workers.map((w, i) => cpuTicks(w) - before[i]!);
    const total = spent[0]! + spent[1]!;
    expect(total).toBeGreaterThan(10);
    for (const s of spent) expect(s, `CPU ticks per worker: ${spent.join(', ')}`).toBeGreaterThan(total * 0.2);

    stopped = true;
    expect(await serve.stop()).toBe(0);
    for (const w of workers) expect(existsSync(`/proc/${String(w)}`), `worker ${String(w)} still running`).toBe(false);
    expect(serve.log()).not.toMatch(/\[ERROR\]/);
  }, 120_000);
});
