// cfssl-ts rotate-ca on a real 3-member etcd cluster (client and peer mutual TLS, as the tutorial's etcd.conf): each of the
// three phases is rolled out member by member with a restart, while a client keeps writing and reading through TLS.
// Judges: etcd's own TLS (Go crypto/tls) on both sides, etcdctl endpoint health, and Node's TLS client (OpenSSL).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ETCD_READY_WITHIN_MS,
  ETCD_STOP_WITHIN_MS,
  clientUrl,
  etcdctl,
  killAllNow,
  planEtcdMembers,
  sleep,
  startMember,
  stopMember,
  waitForHealth,
  type EtcdMember,
  type EtcdTls,
} from '@cfssl-ts/test-support/etcd-cluster';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
const FILES = ['ca.pem', 'server.pem', 'server-key.pem'];
// the client pauses between operations: a steady, bounded load (a few dozen requests a second at most)
const PAUSE_MS = 20;
const ATTEMPTS = 8;

const haveEtcd = requireTool('etcd') && requireTool('etcdctl');

let root = '';
let layout = '';
let members: EtcdMember[] = [];
const killMembers = (): void => killAllNow(members);

const tlsIn = (dir: string): EtcdTls => ({ ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server-key.pem') });
const memberDir = (i: number): string => join(root, `member${i + 1}`);
const clientDir = (): string => join(root, 'client');

// "Roll out": copy the layout's files to one member's (or the client's) own directory.
function rollOut(dir: string, files: readonly string[] = FILES): void {
  for (const file of files) copyFileSync(join(layout, file), join(dir, file));
}

// ---- the client: etcd's JSON gateway (/v3/kv/put, /v3/kv/range) over node:https, a new TLS connection per request

interface LoadStats {
  /** HTTP requests that succeeded (puts and reads). */
  requests: number;
  /** Operations that no member could serve within ATTEMPTS tries, or a read that returned another value. */
  failures: string[];
  /** TLS failures on any attempt (never expected: every certificate in use must be trusted at every step). */
  tlsErrors: string[];
  /** Attempts that went to another member because one was down or restarting (a real client's fail-over). */
  failovers: number;
}

const TLS_ERROR = /ERR_SSL|CERT|UNABLE_TO|SELF_SIGNED|ALTNAME|alert|certificate/i;

function post(m: EtcdMember, path: string, body: unknown): Promise<unknown> {
  const tls = tlsIn(clientDir());
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: m.host,
        port: m.clientPort,
        method: 'POST',
        path,
        agent: false,
        ca: readFileSync(tls.ca),
        cert: readFileSync(tls.cert),
        key: readFileSync(tls.key),
        headers: { 'content-type': 'application/json' },
        timeout: 5_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode === 200) resolve(JSON.parse(text));
          else reject(new Error(`HTTP ${String(res.statusCode)}: ${text.slice(0, 200)}`));
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

// One operation: the member chosen first, then the others in turn, as etcd's client balancer fails over.
async function operate(stats: LoadStats, first: number, what: string, op: (m: EtcdMember) => Promise<void>): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const m = members[(first + attempt) % members.length] as EtcdMember;
    try {
      await op(m);
      stats.requests++;
      return;
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      last = `${m.name}: ${code} ${error instanceof Error ? error.message : String(error)}`;
      if (TLS_ERROR.test(`${code} ${last}`)) stats.tlsErrors.push(`${what} ${last}`);
      stats.failovers++;
      if (attempt % members.length === members.length - 1) await sleep(250);
    }
  }
  stats.failures.push(`${what}: ${last}`);
}

function startLoad(): { stats: LoadStats; stop: () => Promise<void> } {
  const stats: LoadStats = { requests: 0, failures: [], tlsErrors: [], failovers: 0 };
  const state = { running: true };
  const loop = (async () => {
    for (let n = 0; state.running; n++) {
      const key = b64(`/rotation/${n % 32}`);
      const value = `value ${n}`;
      await operate(stats, n % members.length, `put #${n}`, async (m) => {
        await post(m, '/v3/kv/put', { key, value: b64(value) });
      });
      await operate(stats, (n + 1) % members.length, `get #${n}`, async (m) => {
        const got = (await post(m, '/v3/kv/range', { key })) as { kvs?: { value: string }[] };
        const read = Buffer.from(got.kvs?.[0]?.value ?? '', 'base64').toString();
        if (read !== value)
          stats.failures.push(`get #${n} through ${m.name}: read ${JSON.stringify(read)}, wrote ${JSON.stringify(value)}`);
      });
      await sleep(PAUSE_MS);
    }
  })();
  return {
    stats,
    stop: async () => {
      state.running = false;
      await loop;
    },
  };
}

// Certificate failures etcd logged (server side of client and peer TLS), from `offsets` on.
function tlsRejections(offsets: readonly number[]): string[] {
  return members.flatMap((m, i) =>
    readFileSync(m.log, 'utf8')
      .slice(offsets[i])
      .split('\n')
      .filter((line) => /x509|bad certificate|unknown certificate authority|certificate required/i.test(line))
      .map((line) => `${m.name}: ${line}`),
  );
}
const logOffsets = (): number[] => members.map((m) => readFileSync(m.log, 'utf8').length);

interface PhaseRecord {
  phase: string;
  ms: number;
  requests: number;
  healthChecks: number;
}

describe.skipIf(!haveEtcd)('rotate-ca on a live 3-member etcd cluster, rolled out member by member under load', () => {
  const phases: PhaseRecord[] = [];
  let load: ReturnType<typeof startLoad>;
  let oldClient = '';
  let logStart: number[] = [];

  beforeAll(async () => {
    process.once('exit', killMembers);
    root = mkdtempSync(join(tmpdir(), 'cfssl-ts-etcd-rotate-'));
    const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'etcd-cert', '-hosts', HOSTS.join(',')], root);
    if (made.status !== 0) throw new Error(`cfssl-ts etcd-cert failed: ${made.stderr}`);
    layout = join(root, 'etcd-cert');
    for (const dir of [...HOSTS.map((_, i) => memberDir(i)), clientDir(), join(root, 'old-client')]) {
      mkdirSync(dir);
      rollOut(dir);
    }
    oldClient = join(root, 'old-client');
    members = await planEtcdMembers(root, HOSTS, (i) => tlsIn(memberDir(i)));
    for (const m of members) startMember(m, members);
    await waitForHealth(members, tlsIn(clientDir()));
    logStart = logOffsets();
    load = startLoad();
  }, ETCD_READY_WITHIN_MS + 30_000);

  afterAll(
    async () => {
      await load.stop();
      await Promise.all(members.map(stopMember));
      process.removeListener('exit', killMembers);
      if (root !== '') rmSync(root, { recursive: true, force: true });
    },
    ETCD_STOP_WITHIN_MS * 3 + 10_000,
  );

  // One phase: run rotate-ca, then per member copy `files` and restart it, waiting until every member is healthy.
  async function phase(
    name: string,
    flag: string[],
    files: readonly string[],
    clientFiles: readonly string[],
    clientFirst: boolean,
  ): Promise<void> {
    const started = Date.now();
    const requestsBefore = load.stats.requests;
    const r = runBin('cfssl-ts', ['rotate-ca', ...flag, 'etcd-cert'], root);
    expect(r.status, r.stderr).toBe(0);
    if (clientFirst) rollOut(clientDir(), clientFiles);
    let healthChecks = 0;
    for (const [i, m] of members.entries()) {
      await stopMember(m);
      rollOut(memberDir(i), files);
      startMember(m, members);
      const health = await waitForHealth(members, tlsIn(clientDir()));
      healthChecks++;
      for (const each of members) expect(health.stdout + health.stderr).toContain(`${clientUrl(each)} is healthy`);
      // a little traffic on the new configuration before the next member goes down
      const mark = load.stats.requests;
      while (load.stats.requests < mark + 10) await sleep(50);
    }
    if (!clientFirst) rollOut(clientDir(), clientFiles);
    const mark = load.stats.requests;
    while (load.stats.requests < mark + 10) await sleep(50);
    phases.push({ phase: name, ms: Date.now() - started, requests: load.stats.requests - requestsBefore, healthChecks });
    expect(load.stats.tlsErrors).toEqual([]);
    expect(load.stats.failures).toEqual([]);
  }

  it('phase one (rotate-ca): ca.pem trusting the new and the old CA rolled out; no request fails', async () => {
    await phase('rotate-ca', [], ['ca.pem'], ['ca.pem'], true);
    const check = runBin('cfssl-ts', ['check', 'etcd-cert'], root);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('etcd-cert: CA rotation phase one of three done');
  }, 300_000);

  it('phase two (rotate-ca -reissue): server.pem signed by the new CA rolled out; no request fails', async () => {
    await phase('rotate-ca -reissue', ['-reissue'], FILES, FILES, false);
    const check = runBin('cfssl-ts', ['check', 'etcd-cert'], root);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('etcd-cert: CA rotation phase two of three done');
  }, 300_000);

  it('phase three (rotate-ca -finish): ca.pem with the new CA alone rolled out; no request fails, no TLS rejection logged', async () => {
    await phase('rotate-ca -finish', ['-finish'], ['ca.pem'], ['ca.pem'], false);
    expect(tlsRejections(logStart)).toEqual([]);
    const check = runBin('cfssl-ts', ['check', 'etcd-cert'], root);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('rotation');
  }, 300_000);

  it('after -finish, every member refuses a client certificate of the old CA and serves the new one', async () => {
    const before = logOffsets();
    for (const m of members) {
      const refused = await etcdctl([`--endpoints=${clientUrl(m)}`, 'get', '/rotation/0'], {
        ca: join(layout, 'ca.pem'),
        cert: join(oldClient, 'server.pem'),
        key: join(oldClient, 'server-key.pem'),
      });
      expect(refused.code, m.name).not.toBe(0);
      expect(refused.stdout).toBe('');
      const served = await etcdctl([`--endpoints=${clientUrl(m)}`, 'get', '/rotation/0', '--print-value-only'], tlsIn(clientDir()));
      expect(served.code, served.stderr).toBe(0);
      expect(served.stdout).toMatch(/^value \d+\n$/);
    }
    await sleep(500);
    // etcd says why, in Go crypto/tls's words
    const rejections = tlsRejections(before);
    for (const m of members) {
      expect(
        rejections.some((line) => line.startsWith(`${m.name}: `) && /certificate signed by unknown authority/.test(line)),
        m.name,
      ).toBe(true);
    }
  }, 120_000);

  it('reports the run: requests, failures, duration of each phase', async () => {
    await load.stop();
    const { stats } = load;
    const report = [
      `rotate-ca under load: ${stats.requests} requests, ${stats.failures.length} failures, ${stats.tlsErrors.length} TLS errors, ` +
        `${stats.failovers} fail-overs to another member during restarts`,
      ...phases.map(
        (p) =>
          `  ${p.phase}: ${(p.ms / 1000).toFixed(1)} s, ${p.requests} requests, ${p.healthChecks} rolling restarts each followed by a healthy cluster`,
      ),
    ].join('\n');
    console.log(report);
    expect(phases.map((p) => p.phase)).toEqual(['rotate-ca', 'rotate-ca -reissue', 'rotate-ca -finish']);
    expect(stats.failures).toEqual([]);
    expect(stats.tlsErrors).toEqual([]);
    expect(stats.requests).toBeGreaterThan(100);
  });
});
