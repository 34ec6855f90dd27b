#!/usr/bin/env node
// The HTTP sign bench (issue 12): POST /api/v1/cfssl/sign with a P-256 CSR under the tutorial's RSA-2048 CA,
// `cfssl-ts serve` against real `cfssl serve` on the same CA, config and body. Each server is pinned to core 0,
// wrk (`-t2 -c16`) to core 1; runs alternate (cfssl-ts, cfssl, cfssl-ts, ...) after one warm-up each; requests/s
// medians, non-2xx counts (wrk's "Non-2xx or 3xx responses"), socket errors, and the servers' memory over the run
// (cfssl-ts heapUsed and RSS from a preloaded probe, cfssl RSS from /proc). Standalone: node bench/http/run-http-sign.mjs
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const here = join(root, 'bench/http');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitUp(port) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/cfssl/health`);
      await r.arrayBuffer();
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`server on ${port} did not start`);
}

function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function parseWrk(text) {
  const num = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : 0;
  };
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    requestsPerSecond: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}

/** Runs the bench; returns { cases, notes } (cases keyed like bench/results.json), or a note when a tool is missing. */
export async function runHttpSign({ runs = 3, seconds = 10 } = {}) {
  const notes = [];
  for (const tool of ['wrk', 'cfssl', 'taskset']) {
    if (!has(tool)) return { cases: {}, notes: [`${tool} not found: HTTP sign bench skipped (apt-get install wrk golang-cfssl)`] };
  }
  const work = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const bin = (n) => join(root, 'node_modules/.bin', n);
  const children = [];
  try {
    // The tutorial's CA (RSA 2048) and config; a P-256 CSR; one SignRequest body for both servers.
    writeFileSync(
      join(work, 'ca-csr.json'),
      JSON.stringify({ CN: 'etcd CA', key: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] }),
    );
    writeFileSync(
      join(work, 'ca-config.json'),
      JSON.stringify({
        signing: {
          default: { expiry: '87600h' },
          profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
        },
      }),
    );
    writeFileSync(
      join(work, 'server-csr.json'),
      JSON.stringify({
        CN: 'etcd',
        hosts: ['127.0.0.1', '192.168.31.63', '192.168.31.65', '192.168.31.66'],
        key: { algo: 'ecdsa', size: 256 },
        names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
      }),
    );
    const sh = (cmd) => execFileSync('sh', ['-c', cmd], { cwd: work, stdio: ['ignore', 'ignore', 'ignore'] });
    sh(`"${bin('cfssl-ts')}" gencert -initca ca-csr.json | "${bin('cfssljson-ts')}" -bare ca`);
    sh(`"${bin('cfssl-ts')}" genkey server-csr.json | "${bin('cfssljson-ts')}" -bare server`);
    const body = join(work, 'body.json');
    writeFileSync(body, JSON.stringify({ certificate_request: readFileSync(join(work, 'server.csr'), 'utf8'), profile: 'www' }));
    const serverArgs = ['-address', '127.0.0.1', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'ca-config.json'];

    const probeFile = join(work, 'heap.jsonl');
    const servers = {
      'cfssl-ts': { cmd: bin('cfssl-ts'), env: { NODE_OPTIONS: `--require ${join(here, 'heap-probe.cjs')}`, HEAP_PROBE_FILE: probeFile } },
      cfssl: { cmd: 'cfssl', env: {} },
    };
    for (const [name, s] of Object.entries(servers)) {
      s.port = await freePort();
      // Both servers on core 0 (cfssl with GOMAXPROCS left as Go sets it); wrk on core 1.
      const child = spawn('taskset', ['-c', '0', s.cmd, 'serve', ...serverArgs, '-port', String(s.port)], {
        cwd: work,
        env: { ...process.env, ...s.env },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      children.push(child);
      s.pid = child.pid;
      s.name = name;
      await waitUp(s.port);
      const probe = await fetch(`http://127.0.0.1:${s.port}/api/v1/cfssl/sign`, { method: 'POST', body: readFileSync(body) });
      if (probe.status !== 200) throw new Error(`${name} serve answered ${probe.status} to the bench request`);
      await probe.arrayBuffer();
    }

    const wrk = (s, secs) =>
      parseWrk(
        execFileSync(
          'taskset',
          [
            '-c',
            '1',
            'wrk',
            '-t2',
            '-c16',
            `-d${secs}s`,
            '-s',
            join(here, 'post-body.lua'),
            `http://127.0.0.1:${s.port}/api/v1/cfssl/sign`,
          ],
          {
            encoding: 'utf8',
            env: { ...process.env, BODY_FILE: body },
          },
        ),
      );
    for (const s of Object.values(servers)) wrk(s, 2); // warm-up (JIT, Go's pools), not counted
    const rssStart = Object.fromEntries(Object.values(servers).map((s) => [s.name, rssOf(s.pid)]));
    const results = Object.fromEntries(Object.keys(servers).map((k) => [k, []]));
    for (let i = 0; i < runs; i++) for (const s of Object.values(servers)) results[s.name].push(wrk(s, seconds));
    const rssEnd = Object.fromEntries(Object.values(servers).map((s) => [s.name, rssOf(s.pid)]));
    const heap = existsSync(probeFile)
      ? readFileSync(probeFile, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
      : [];

    const cases = {};
    for (const [name, rs] of Object.entries(results)) {
      cases[`http-sign-p256-under-rsa2048/${name === 'cfssl' ? 'cfssl-serve' : 'cfssl-ts-serve'}`] = {
        unit: 'ops',
        median: median(rs.map((r) => r.requestsPerSecond)),
        runs: rs.map((r) => r.requestsPerSecond),
        requests: rs.reduce((a, r) => a + r.requests, 0),
        non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
        socketErrors: rs.reduce((a, r) => a + r.socketErrors, 0),
        rssStart: rssStart[name],
        rssEnd: rssEnd[name],
      };
    }
    const ts = cases['http-sign-p256-under-rsa2048/cfssl-ts-serve'];
    if (heap.length) {
      ts.heapUsedMin = Math.min(...heap.map((h) => h.heapUsed));
      ts.heapUsedMax = Math.max(...heap.map((h) => h.heapUsed));
      ts.heapUsedLast = heap.at(-1).heapUsed;
      ts.heapSamples = heap.length;
    }
    return { cases, notes, settings: { runs, seconds, wrk: '-t2 -c16', pinned: 'servers on core 0, wrk on core 1' } };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await sleep(300);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Prints the result and writes bench/results-http.json (what bench/render-benchmarks.mjs renders as the HTTP block). */
export function writeHttpResults(r) {
  for (const [k, v] of Object.entries(r.cases)) {
    console.log(
      `${k.padEnd(42)} ${v.median.toFixed(0)} /s  (${v.requests} requests, ${v.non2xx} non-2xx, ${v.socketErrors} socket errors)`,
    );
  }
  const out = { date: new Date().toISOString(), node: process.version, ...r };
  writeFileSync(join(root, 'bench/results-http.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('wrote bench/results-http.json');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeHttpResults(
    await runHttpSign({ runs: Number(process.env.BENCH_HTTP_RUNS ?? 3), seconds: Number(process.env.BENCH_HTTP_SECONDS ?? 20) }),
  );
}
